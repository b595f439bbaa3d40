import { Node, mergeAttributes } from '@tiptap/core'

export const MAX_SECTION_LEVEL = 4

/**
 * The heading line that opens a section. Its number (一、（一）1.（1）) is never stored:
 * it is computed from the headings before it (see shared/numbering.ts).
 * A heading whose text goes on after its first `。` is *run in*: the first sentence is
 * the heading, the rest is the start of the section's body, in the same paragraph.
 */
export const SectionHeading = Node.create({
  name: 'sectionHeading',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-section-id'),
        renderHTML: (attributes) => (attributes.id ? { 'data-section-id': attributes.id } : {}),
      },
      level: {
        default: 1,
        parseHTML: (element) => clampLevel(Number(element.getAttribute('data-level'))),
        renderHTML: (attributes) => ({ 'data-level': attributes.level }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'div[data-type="section-heading"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'section-heading', class: 'section-heading' }), 0]
  },
})

export function clampLevel(level: number): number {
  if (!Number.isFinite(level)) return 1
  return Math.min(MAX_SECTION_LEVEL, Math.max(1, Math.round(level)))
}
