// TEMPORARY (replaced by the document-model work): one paragraph per line, first line the title.
import type { DocJSON, BlockJSON } from '../docJson'

export interface ImportReport {
  recognised: Record<string, number>
  corrections: { kind: string; message: string; line?: number; from?: string; to?: string }[]
  warnings: string[]
}

export function importText(text: string): { doc: DocJSON; report: ImportReport } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean)
  const [title = '', ...rest] = lines
  const blocks: BlockJSON[] = rest.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }))
  return {
    doc: { type: 'doc', content: [{ type: 'title', content: title ? [{ type: 'text', text: title }] : [] }, ...blocks] },
    report: { recognised: { paragraphs: blocks.length }, corrections: [], warnings: [] },
  }
}
