import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'

/**
 * Inserts typed characters as ProseMirror transactions instead of letting the browser edit the
 * DOM and ProseMirror read the change back. In a long draft the browser's native insertion
 * (selection canonicalisation, its own undo record, the mutation read-back) cost several
 * milliseconds a key; the transaction only touches one text node. This is the path ProseMirror
 * itself takes for non-text selections, including input rules (`handleTextInput`).
 * Composition (Chinese IME) never reaches here: ProseMirror does not call `handleKeyPress`
 * in or near a composition, and IMEs send no keypress for composed text.
 */
export const DirectTextInput = Extension.create({
  name: 'hegaoDirectTextInput',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('hegaoDirectTextInput'),
        props: {
          handleKeyPress(view, event) {
            // Shortcuts are not text; Ctrl+Alt is AltGr, which types characters.
            if ((event.ctrlKey && !event.altKey) || event.metaKey) return false
            const text = event.key
            if ([...text].length !== 1 || text === '\r' || text === '\n') return false
            const { selection } = view.state
            if (!(selection instanceof TextSelection)) return false
            const { from, to } = selection
            const insert = () => view.state.tr.insertText(text, from, to).scrollIntoView()
            if (!view.someProp('handleTextInput', (handle) => handle(view, from, to, text, insert))) view.dispatch(insert())
            return true
          },
        },
      }),
    ]
  },
})
