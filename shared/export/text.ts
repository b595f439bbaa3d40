import type { BlockJSON, DocJSON } from '../docJson'
import { inlineText, walkSections } from '../sections'

/**
 * Document → plain text in the shape drafts are written: the title, a blank line, then one
 * line per block; headings carry their computed numbers, run-in headings stay on one line,
 * placeholders show their value when filled and their pattern (`**`) while open.
 */
export function exportText(doc: DocJSON): string {
  const numbers = new Map(walkSections(doc).map((s) => [s.blockIndex, s.number]))
  const [title, ...blocks] = doc.content as [{ content?: BlockJSON['content'] }, ...BlockJSON[]]
  const lines = [inlineText(title?.content), '']
  blocks.forEach((block, i) => {
    const number = numbers.get(i + 1) ?? ''
    lines.push(number + inlineText(block.content))
  })
  return lines.join('\n') + '\n'
}
