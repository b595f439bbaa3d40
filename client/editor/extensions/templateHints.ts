import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import { TEMPLATE_HINT } from '../../../shared/check/rules/templateHint'
import { redecorateTouchedBlocks } from './touchedBlocks'

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
          apply: (tr, set) => (tr.docChanged ? redecorateTouchedBlocks(set, tr, blockHints) : set),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ]
  },
})
