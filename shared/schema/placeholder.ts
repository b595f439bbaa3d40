import { Node, mergeAttributes } from '@tiptap/core'

export type PlaceholderKind = 'number' | 'text'

/**
 * A value the draft still leaves open, written `*`, `**`, `*.*` … in the source text.
 * An inline atom: its value lives in the `value` attribute (empty while unfilled) and is
 * edited in an input bound to the node, never as editable content inside it (IME breaks
 * inside inline editable nodes, Tiptap issue #7135).
 */
export const Placeholder = Node.create({
  name: 'placeholder',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      id: { default: null, parseHTML: (el) => el.getAttribute('data-id'), renderHTML: (a) => (a.id ? { 'data-id': a.id } : {}) },
      kind: { default: 'number', parseHTML: (el) => el.getAttribute('data-kind') ?? 'number', renderHTML: (a) => ({ 'data-kind': a.kind }) },
      pattern: { default: '*', parseHTML: (el) => el.getAttribute('data-pattern') ?? '*', renderHTML: (a) => ({ 'data-pattern': a.pattern }) },
      unit: { default: '', parseHTML: (el) => el.getAttribute('data-unit') ?? '', renderHTML: (a) => (a.unit ? { 'data-unit': a.unit } : {}) },
      value: { default: '', parseHTML: (el) => el.getAttribute('data-value') ?? '', renderHTML: (a) => (a.value ? { 'data-value': a.value } : {}) },
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-type="placeholder"]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const filled = Boolean(node.attrs.value)
    return [
      'span',
      mergeAttributes(HTMLAttributes, { 'data-type': 'placeholder', class: filled ? 'placeholder filled' : 'placeholder unfilled' }),
      filled ? String(node.attrs.value) : String(node.attrs.pattern),
    ]
  },

  renderText({ node }) {
    return node.attrs.value ? String(node.attrs.value) : String(node.attrs.pattern)
  },
})
