import { useEditorState, type Editor } from '@tiptap/react'
import { tableCellAlign, type CellAlign } from '../../shared/sections'
import { currentBlock } from './extensions/sectionEditing'

/** The row and column commands offered while the caret is in a table (Tab goes to the next cell, and past the last adds a row). */
const CELL_ACTIONS: { label: string; testId: string; run(editor: Editor): boolean }[] = [
  { label: '上方插入行', testId: 'table-row-before', run: (e) => e.chain().focus().addRowBefore().run() },
  { label: '下方插入行', testId: 'table-row-after', run: (e) => e.chain().focus().addRowAfter().run() },
  { label: '左侧插入列', testId: 'table-column-before', run: (e) => e.chain().focus().addColumnBefore().run() },
  { label: '右侧插入列', testId: 'table-column-after', run: (e) => e.chain().focus().addColumnAfter().run() },
  { label: '删除行', testId: 'table-row-delete', run: (e) => e.chain().focus().deleteRow().run() },
  { label: '删除列', testId: 'table-column-delete', run: (e) => e.chain().focus().deleteColumn().run() },
  { label: '删除表格', testId: 'table-delete', run: (e) => e.chain().focus().deleteTable().run() },
]

/** How the selected cells' lines are aligned; flush left is stored as no alignment at all. */
const ALIGNMENTS: { align: CellAlign; label: string }[] = [
  { align: 'left', label: '居左' },
  { align: 'center', label: '居中' },
  { align: 'right', label: '居右' },
]

/** 插入表格 above the page (3 × 3 after the block at the caret), and the table's commands while the caret is in one. */
export function TableControls({ editor }: { editor: Editor }) {
  const where = useEditorState({
    editor,
    selector: ({ editor }) => currentBlock(editor.state)?.node.type.name ?? '',
  })
  const align = useEditorState({
    editor,
    selector: ({ editor }) => (where === 'table' ? tableCellAlign({ type: 'tableCell', attrs: editor.getAttributes('tableCell') }) : null),
  })
  if (where === 'table') {
    return (
      <div className="table-controls" role="group" aria-label="表格">
        {CELL_ACTIONS.map(({ label, testId, run }) => (
          <button key={testId} type="button" className="button toolbar-button" onClick={() => run(editor)} data-testid={testId}>{label}</button>
        ))}
        {ALIGNMENTS.map((option) => (
          <button
            key={option.align}
            type="button"
            className="button toolbar-button"
            aria-pressed={align === option.align}
            title={`所选单元格${option.label}`}
            onClick={() => editor.chain().focus().setCellAttribute('align', option.align === 'left' ? null : option.align).run()}
            data-testid={`table-align-${option.align}`}
          >
            {option.label}
          </button>
        ))}
      </div>
    )
  }
  return (
    <button
      type="button"
      className="button toolbar-button"
      onClick={() => editor.chain().focus().insertBodyTable(3, 3).run()}
      disabled={!where}
      title="在光标所在段落之后插入一个 3 行 3 列的表格"
      data-testid="table-insert"
    >
      插入表格
    </button>
  )
}
