import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'

/**
 * Keeps the local caret in place when someone else types earlier in the same heading.
 * After a remote update @tiptap/y-tiptap 3.0.9 "recovers" the caret of a block whose text
 * changed by finding the block by its attributes and reusing the old offset; our headings
 * have unique ids, so that path always wins and the caret slides back by the length of the
 * other person's insertion (their typing lands in the middle of ours). The Yjs relative
 * position is exact for edits inside one block, so when it resolves into the same heading
 * (same id) we use it instead.
 */
export const RemoteCaretFix = Extension.create({
  name: 'hegaoRemoteCaretFix',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('hegaoRemoteCaretFix'),
        appendTransaction: (transactions, oldState, newState) => {
          if (!transactions.some((tr) => tr.getMeta(ySyncPluginKey)?.isChangeOrigin)) return null
          const oldSel = oldState.selection
          if (!(oldSel instanceof TextSelection) || oldSel.$head.depth !== 1) return null
          const oldBlock = oldSel.$head.parent
          if (oldBlock.type.name !== 'sectionHeading' || !oldBlock.attrs.id) return null
          const binding = ySyncPluginKey.getState(newState)?.binding
          const relative = binding?.beforeTransactionSelection
          if (!binding || !relative || relative.type !== 'text') return null
          const resolve = (pos: unknown) => relativePositionToAbsolutePosition(binding.doc, binding.type, pos, binding.mapping)
          const anchor = resolve(relative.anchor)
          const head = resolve(relative.head)
          if (anchor === null || head === null || anchor > newState.doc.content.size || head > newState.doc.content.size) return null
          if (anchor === newState.selection.anchor && head === newState.selection.head) return null
          const $head = newState.doc.resolve(head)
          const $anchor = newState.doc.resolve(anchor)
          const sameBlock = (node: typeof oldBlock) => node.type === oldBlock.type && node.attrs.id === oldBlock.attrs.id
          if ($head.depth !== 1 || $anchor.depth !== 1 || !sameBlock($head.parent) || !sameBlock($anchor.parent)) return null
          return newState.tr.setSelection(TextSelection.create(newState.doc, anchor, head)).setMeta('addToHistory', false)
        },
      }),
    ]
  },
})
