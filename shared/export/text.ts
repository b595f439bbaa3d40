import type { BlockJSON, DocJSON } from '../docJson'
import { bodyStart, inlineText, tableCellTexts, titleContent, walkSections } from '../sections'

/**
 * Document → plain text in the shape drafts are written: the title, a blank line, then one
 * line per block (a table a line per row); headings carry their computed numbers, run-in headings stay on one line,
 * placeholders show their value when filled and their pattern (`**`) while open.
 */
export function exportText(doc: DocJSON): string {
  const numbers = new Map(walkSections(doc).map((s) => [s.blockIndex, s.number]))
  const start = bodyStart(doc)
  const lines = [inlineText(titleContent(doc)), '']
  ;(doc.content.slice(start) as BlockJSON[]).forEach((block, i) => {
    // A table as drafts carry one in plain text: a line a row, its cells apart by tabs.
    if (block.type === 'table') lines.push(...tableCellTexts(block).map((row) => row.join('\t')))
    else lines.push((numbers.get(i + start) ?? '') + inlineText(block.content))
  })
  return lines.join('\n') + '\n'
}
