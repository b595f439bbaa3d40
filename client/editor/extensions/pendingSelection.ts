import { Extension } from '@tiptap/core'
import { yCursorPluginKey } from '@tiptap/y-tiptap'

/**
 * Lets the editor read a selection the browser has moved but not yet reported. ProseMirror reads
 * a native move (a click, an arrow key, Shift+Arrow) on the document's `selectionchange` event,
 * which comes in a task of its own. A transaction dispatched in a task before it carries the
 * editor's older selection and writes it back into the page, so the click or key was lost while
 * others typed (yjs/y-prosemirror#146). ProseMirror answers the event by comparing the page's
 * selection with the last one it saw: when nothing moved, it does nothing.
 * Called before remote edits apply (client/collab/coalesceRemoteUpdates.ts).
 */
export function readPendingSelection(): void {
  document.dispatchEvent(new Event('selectionchange'))
}

/**
 * y-tiptap redraws the remote carets in a timer of its own after their presence arrives, in a
 * transaction that keeps the editor's selection. Before one is dispatched, a selection the browser
 * moved is read and the redraw carries it instead.
 */
export const PendingSelection = Extension.create({
  name: 'hegaoPendingSelection',
  dispatchTransaction({ transaction, next }) {
    const { view } = this.editor
    if (transaction.getMeta(yCursorPluginKey) && !transaction.docChanged && !transaction.selectionSet && !view.composing) {
      readPendingSelection()
      // Reading changes only the selection: the page's text is read as it is typed. Were the text
      // to change, ProseMirror would refuse the stale redraw and y-tiptap retry it.
      if (view.state.doc === transaction.doc && !view.state.selection.eq(transaction.selection)) transaction.setSelection(view.state.selection)
    }
    next(transaction)
  },
})
