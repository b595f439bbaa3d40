import mammoth from 'mammoth'
import JSZip from 'jszip'
import type { DocJSON } from '../docJson'
import { importText, type ImportReport } from './importText'
import { importSummary } from './importReport'

/** What the text import cannot carry over from a Word file's body, counted in its XML. */
async function unsupportedContent(buffer: Buffer): Promise<{ tables: number; pictures: number }> {
  const body = await (await JSZip.loadAsync(buffer)).file('word/document.xml')?.async('string')
  if (!body) return { tables: 0, pictures: 0 }
  const count = (pattern: RegExp) => body.match(pattern)?.length ?? 0
  // <w:drawing> is a picture or chart of today's Word, <w:pict> one of older files (and WPS).
  return { tables: count(/<w:tbl[\s>]/g), pictures: count(/<w:drawing[\s>]/g) + count(/<w:pict[\s>]/g) }
}

/**
 * `.docx` draft → document: mammoth extracts the paragraphs as plain text (one per line,
 * separated by blank lines) and the text importer does the rest, so both paths recognise
 * headings and placeholders the same way. Tables and pictures have no place in the
 * document: the report says so, rather than letting the drafter find out. Node-only
 * (mammoth reads a Buffer).
 */
export async function importDocx(data: Uint8Array | ArrayBuffer): Promise<{ doc: DocJSON; report: ImportReport }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const [{ value }, unsupported] = await Promise.all([mammoth.extractRawText({ buffer }), unsupportedContent(buffer)])
  // mammoth ends every paragraph with a blank line; one line per paragraph makes the
  // report's line numbers count the Word paragraphs.
  const imported = importText(value.replace(/\n\n/g, '\n'))
  const { report } = imported
  if (unsupported.tables) report.warnings.push(`原文含 ${unsupported.tables} 个表格：合稿暂不支持表格，表格中的文字已按单元格逐段导入为正文，请核对或改写。`)
  if (unsupported.pictures) report.warnings.push(`原文含 ${unsupported.pictures} 处图片或图形，未导入。`)
  report.summary = importSummary(report)
  return imported
}
