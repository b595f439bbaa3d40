import { useEditorState, type Editor } from '@tiptap/react'

/**
 * 撤销 / 重做 for those who do not use Ctrl-Z / Ctrl-Y. They undo one's own changes only, never
 * a colleague's (the Yjs undo manager tracks this editor's transactions).
 */
export function UndoButtons({ editor }: { editor: Editor }) {
  const can = useEditorState({
    editor,
    selector: ({ editor }) => ({ undo: editor.can().undo(), redo: editor.can().redo() }),
    equalityFn: (a, b) => a.undo === b?.undo && a.redo === b.redo,
  })
  return (
    <div className="undo-buttons" role="group" aria-label="撤销和重做">
      <button type="button" className="button" onClick={() => editor.chain().focus().undo().run()} disabled={!can.undo} title="撤销（Ctrl+Z）" data-testid="undo">撤销</button>
      <button type="button" className="button" onClick={() => editor.chain().focus().redo().run()} disabled={!can.redo} title="重做（Ctrl+Y）" data-testid="redo">重做</button>
    </div>
  )
}
