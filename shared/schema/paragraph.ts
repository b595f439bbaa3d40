import { Node, mergeAttributes } from '@tiptap/core'

/**
 * What a paragraph is in the 公文, when it is not body text: each is laid out differently
 * (GB/T 9704-2012 §7.3.2 主送机关 flush left; §7.3.4 附件说明 with its names aligned; §7.3.5
 * 发文机关署名 and 成文日期 to the right; §7.3.6 附注 below the date, set as body text).
 */
export const PARAGRAPH_KINDS = ['addressee', 'attachment', 'signature', 'date', 'note'] as const
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number]

export const PARAGRAPH_KIND_LABELS: Record<ParagraphKind, string> = {
  addressee: '主送机关',
  attachment: '附件说明',
  signature: '发文机关署名',
  date: '成文日期',
  note: '附注',
}

export function paragraphKind(value: unknown): ParagraphKind | null {
  return PARAGRAPH_KINDS.includes(value as ParagraphKind) ? (value as ParagraphKind) : null
}

/** A body paragraph (正文), shown with the 2-character first-line indent, or one of the kinds above. */
export const Paragraph = Node.create({
  name: 'paragraph',
  group: 'block',
  content: 'inline*',

  addAttributes() {
    return {
      kind: {
        default: null,
        // Enter after the 主送机关 or the 署名 starts body text (or the date), not another one.
        keepOnSplit: false,
        parseHTML: (element) => paragraphKind(element.getAttribute('data-kind')),
        renderHTML: (attributes) => (attributes.kind ? { 'data-kind': attributes.kind } : {}),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'p' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes), 0]
  },
})
