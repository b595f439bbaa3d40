import type { BlockJSON, TitleJSON } from '../docJson'
import { inlineText } from '../sections'
import { paragraphKind } from '../schema/paragraph'
import { textWidthChars } from './gbt9704'

export interface AttachmentLayout {
  /** Where wrapped lines start, in characters from the left edge of the text area. */
  leftChars: number
  /** How far the first line starts left of that (a hanging indent). */
  hangingChars: number
  /** The first line of the 附件说明: one blank line above it ("在正文下空一行"). */
  spaceBefore: boolean
}

const LABEL = /^附件[：:]/
const NUMBER = /^\d+[.．]/

/**
 * §7.3.4 附件说明: "在正文下空一行左空二字编排"附件"二字，后标全角冒号和附件名称。如有多个附件，使用
 * 阿拉伯数字标注附件顺序号（如"附件：1.××××"）…附件名称较长需回行时，应当与上一行附件名称的首字对齐。"
 * So the 附件： line starts two characters in; each further attachment's number lines up with the
 * first one's; every wrapped line starts where its name does. By block index, for the .docx export
 * and the print view alike.
 */
export function attachmentLayout(blocks: readonly (TitleJSON | BlockJSON)[]): Map<number, AttachmentLayout> {
  const layout = new Map<number, AttachmentLayout>()
  let labelWidth = textWidthChars('附件：')
  blocks.forEach((block, i) => {
    if (block.type !== 'paragraph' || paragraphKind(block.attrs?.kind) !== 'attachment') return
    const text = inlineText(block.content)
    const label = LABEL.exec(text)?.[0]
    if (label) labelWidth = textWidthChars(label)
    const rest = label ? text.slice(label.length).trimStart() : text
    const number = textWidthChars(NUMBER.exec(rest)?.[0] ?? '')
    const previous = blocks[i - 1]
    const spaceBefore = !(previous?.type === 'paragraph' && paragraphKind(previous.attrs?.kind) === 'attachment')
    layout.set(i, label
      ? { leftChars: 2 + labelWidth + number, hangingChars: labelWidth + number, spaceBefore }
      : { leftChars: 2 + labelWidth + number, hangingChars: number, spaceBefore })
  })
  return layout
}
