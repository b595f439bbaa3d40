import { ProsemirrorBinding } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

type TypeChanged = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => void

interface BindingInternals {
  type: Y.AbstractType<any>
  mapping: Map<unknown, unknown>
  _typeChanged: TypeChanged
}

/**
 * @tiptap/y-tiptap 3.0.9 clears its whole Yjs→ProseMirror node mapping on every remote
 * transaction, so each remote keystroke rebuilds every paragraph of the document and the view
 * diffs all of them; in a long draft with several typists that fills the main thread and local
 * keys wait. The clear was added for moves of top-level blocks. Here it is skipped when the
 * transaction changed nothing at the top level (text or attributes inside existing blocks):
 * the binding then drops just the changed types from its mapping, as y-prosemirror does, and
 * reuses the other nodes unchanged.
 */
export function installIncrementalRemoteSync(): void {
  const prototype = ProsemirrorBinding.prototype as unknown as BindingInternals & { __hegaoIncremental?: true }
  if (prototype.__hegaoIncremental) return
  const original = prototype._typeChanged
  prototype._typeChanged = function (this: BindingInternals, events, transaction) {
    if (transaction.changed.has(this.type)) return original.call(this, events, transaction)
    const mapping = this.mapping
    const clear = mapping.clear
    mapping.clear = () => {}
    try {
      original.call(this, events, transaction)
    } finally {
      mapping.clear = clear
    }
  }
  prototype.__hegaoIncremental = true
}
