import type { BlockJSON, DocJSON } from '../docJson'
import { bodyStart, inlineText, tableCellTexts, titleContent, walkSections } from '../sections'
import { RECORD_HEADING, signoffRecordLines, type RecordMeta } from '../layout/signoffRecord'

/**
 * Document → plain text in the shape drafts are written: the title, a blank line, then one
 * line per block (a table a line per row); headings carry their computed numbers, run-in headings stay on one line,
 * placeholders show their value when filled and their pattern (`**`) while open. A locked or
 * signed document (`record`) ends with its 定稿与签发记录 after a blank line, as the .docx does on a last page.
 */
export function exportText(doc: DocJSON, record?: RecordMeta): string {
  const numbers = new Map(walkSections(doc).map((s) => [s.blockIndex, s.number]))
  const start = bodyStart(doc)
  const lines = [inlineText(titleContent(doc)), '']
  ;(doc.content.slice(start) as BlockJSON[]).forEach((block, i) => {
    // A table as drafts carry one in plain text: a line a row, its cells apart by tabs.
    if (block.type === 'table') lines.push(...tableCellTexts(block).map((row) => row.join('\t')))
    else lines.push((numbers.get(i + start) ?? '') + inlineText(block.content))
  })
  const recordLines = signoffRecordLines(record)
  if (recordLines.length) lines.push('', RECORD_HEADING, '', ...recordLines.map((line) => line.text))
  return lines.join('\n') + '\n'
}
