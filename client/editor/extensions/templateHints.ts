import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import { TEMPLATE_HINT } from '../../../shared/check/rules/templateHint'

/** The hints of one block: a hint is plain text, so it lies within one text node. */
function blockHints(block: PMNode, pos: number): Decoration[] {
  const found: Decoration[] = []
  block.forEach((child, offset) => {
    if (!child.isText) return
    for (const m of child.text!.matchAll(TEMPLATE_HINT)) {
      const from = pos + 1 + offset + m.index
      found.push(Decoration.inline(from, from + m[0].length, { class: 'template-hint' }))
    }
  })
  return found
}

/** Only the blocks a transaction touched are read again: a key costs one block, not the document. */
function update(set: DecorationSet, tr: Transaction): DecorationSet {
  let next = set.map(tr.mapping, tr.doc)
  tr.mapping.maps.forEach((map, i) => {
    const after = tr.mapping.slice(i + 1)
    map.forEach((_oldFrom, _oldTo, from, to) => {
      // One position wider on each side: a change at a block's edge (a join, a split) reads both blocks.
      const size = tr.doc.content.size
      tr.doc.nodesBetween(Math.max(0, Math.min(after.map(from, -1) - 1, size)), Math.min(after.map(to, 1) + 1, size), (node, pos) => {
        if (!node.isTextblock) return true
        next = next.remove(next.find(pos, pos + node.nodeSize)).add(tr.doc, blockHints(node, pos))
        return false
      })
    })
  })
  return next
}

/** Shows a template's writing hints 【提示：…】 as hints, apart from the text around them. */
export const TemplateHints = Extension.create({
  name: 'hegaoTemplateHints',
  addProseMirrorPlugins() {
    const key = new PluginKey<DecorationSet>('hegaoTemplateHints')
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => {
            const all: Decoration[] = []
            state.doc.descendants((node, pos) => (node.isTextblock ? (all.push(...blockHints(node, pos)), false) : true))
            return DecorationSet.create(state.doc, all)
          },
          apply: (tr, set) => (tr.docChanged ? update(set, tr) : set),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ]
  },
})
