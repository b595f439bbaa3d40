import { useEditorState, type Editor } from '@tiptap/react'
import { tableCellAlign, type CellAlign } from '../../shared/tables'
import { currentBlock } from './extensions/sectionEditing'

interface TableAction { label: string; title: string; testId: string; run(editor: Editor): boolean }

/** The table's commands while the caret is in one, in captioned groups (Tab goes to the next cell, and past the last adds a row). */
const GROUPS: { caption: string; actions: TableAction[] }[] = [
  {
    caption: '插入',
    actions: [
      { label: '上方行', title: '在上方插入一行', testId: 'table-row-before', run: (e) => e.chain().focus().addRowBefore().run() },
      { label: '下方行', title: '在下方插入一行', testId: 'table-row-after', run: (e) => e.chain().focus().addRowAfter().run() },
      { label: '左侧列', title: '在左侧插入一列', testId: 'table-column-before', run: (e) => e.chain().focus().addColumnBefore().run() },
      { label: '右侧列', title: '在右侧插入一列', testId: 'table-column-after', run: (e) => e.chain().focus().addColumnAfter().run() },
    ],
  },
  {
    caption: '删除',
    actions: [
      { label: '行', title: '删除光标所在行', testId: 'table-row-delete', run: (e) => e.chain().focus().deleteRow().run() },
      { label: '列', title: '删除光标所在列', testId: 'table-column-delete', run: (e) => e.chain().focus().deleteColumn().run() },
      { label: '表格', title: '删除整个表格', testId: 'table-delete', run: (e) => e.chain().focus().deleteTable().run() },
    ],
  },
  {
    caption: '列宽',
    actions: [
      { label: '平均分布', title: '各列等宽（拖动列线可调整列宽）', testId: 'table-even-columns', run: (e) => e.chain().focus().evenTableColumns().run() },
    ],
  },
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
        {GROUPS.map(({ caption, actions }) => (
          <span key={caption} className="table-group" role="group" aria-label={caption}>
            <span className="table-group-caption">{caption}</span>
            {actions.map(({ label, title, testId, run }) => (
              <button key={testId} type="button" className="button toolbar-button" title={title} onClick={() => run(editor)} data-testid={testId}>{label}</button>
            ))}
          </span>
        ))}
        <span className="table-group" role="group" aria-label="对齐">
          <span className="table-group-caption">对齐</span>
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
        </span>
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
