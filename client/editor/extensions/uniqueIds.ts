import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { ReplaceStep } from '@tiptap/pm/transform'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { newId } from '../../../shared/ids'

const ID_TYPES = new Set(['sectionHeading', 'placeholder'])

/**
 * Whether a transaction may have added a node that lacks an id or repeats one. Typing and
 * deleting (a replacement whose inserted slice holds no heading or placeholder) cannot, and
 * they are nearly every transaction: the whole-document walk is skipped for them.
 */
function mayAddIds(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (!(step instanceof ReplaceStep)) return true
    let found = false
    step.slice.content.descendants((node) => {
      if (ID_TYPES.has(node.type.name)) found = true
      return !found
    })
    return found
  })
}

/**
 * Gives every heading and placeholder a unique id: a new one (Enter, Mod-Alt-1) has none,
 * a copied one (copy-paste, split) repeats its source's. The first occurrence keeps its id.
 * Only local edits are fixed: the author of a remote change fixes it on their side, so two
 * clients never race to rename the same node.
 */
export const UniqueIds = Extension.create({
  name: 'hegaoUniqueIds',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('hegaoUniqueIds'),
        appendTransaction: (transactions, _old, state) => {
          const local = transactions.some((tr) => tr.docChanged && !tr.getMeta(ySyncPluginKey)?.isChangeOrigin && mayAddIds(tr))
          if (!local || this.editor.view?.composing) return null
          const seen = new Set<string>()
          const fixes: number[] = []
          state.doc.descendants((node, pos) => {
            if (ID_TYPES.has(node.type.name)) {
              const id = node.attrs.id as string | null
              if (!id || seen.has(id)) fixes.push(pos)
              else seen.add(id)
            }
            return node.isBlock
          })
          if (!fixes.length) return null
          const tr = state.tr
          for (const pos of fixes) {
            const node = tr.doc.nodeAt(pos)!
            tr.setNodeMarkup(pos, undefined, { ...node.attrs, id: newId() })
          }
          return tr.setMeta('addToHistory', false)
        },
      }),
    ]
  },
})
