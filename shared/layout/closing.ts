import type { BlockJSON, ParagraphJSON, TitleJSON } from '../docJson'
import { inlineText } from '../sections'
import { paragraphKind } from '../schema/paragraph'
import { closingRightIndents, textWidthChars } from './gbt9704'

export interface ClosingLayout {
  /** Right indent in characters (§7.3.5.2). */
  rightChars: number
  /** The first line of the closing: one blank line above it ("正文下空一行"). */
  spaceBefore: boolean
}

/**
 * How the 发文机关署名 and 成文日期 paragraphs of a document are placed, by block index: a
 * signature with the date right below it is placed as a pair, from both their widths, so that
 * the .docx export and the print view put them in the same place.
 */
export function closingLayout(blocks: readonly (TitleJSON | BlockJSON)[]): Map<number, ClosingLayout> {
  const layout = new Map<number, ClosingLayout>()
  const kindAt = (i: number) => {
    const block = blocks[i]
    return block?.type === 'paragraph' ? paragraphKind(block.attrs?.kind) : null
  }
  // Only a paragraph has a kind, so only paragraphs are measured.
  const width = (i: number) => textWidthChars(inlineText((blocks[i] as ParagraphJSON).content))
  blocks.forEach((_, i) => {
    const kind = kindAt(i)
    if (kind !== 'signature' && kind !== 'date') return
    if (layout.has(i)) return
    const spaceBefore = kindAt(i - 1) !== 'signature' && kindAt(i - 1) !== 'date'
    if (kind === 'signature' && kindAt(i + 1) === 'date') {
      const { signature, date } = closingRightIndents(width(i), width(i + 1))
      layout.set(i, { rightChars: signature, spaceBefore })
      layout.set(i + 1, { rightChars: date, spaceBefore: false })
      return
    }
    const alone = closingRightIndents(null, null)
    layout.set(i, { rightChars: kind === 'signature' ? alone.signature : alone.date, spaceBefore })
  })
  return layout
}
