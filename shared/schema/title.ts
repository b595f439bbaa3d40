import { Node, mergeAttributes } from '@tiptap/core'

/** The document title: the first block of every document, exactly once. */
export const Title = Node.create({
  name: 'title',
  content: 'inline*',
  defining: true,
  parseHTML() {
    return [{ tag: 'h1[data-type="title"]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['h1', mergeAttributes(HTMLAttributes, { 'data-type': 'title', class: 'doc-title' }), 0]
  },
})
