import { useEditorState, type Editor } from '@tiptap/react'
import { tableCellAlign, type CellAlign } from '../../shared/tables'
import { currentBlock } from './extensions/sectionEditing'
import { ToolbarMenu } from './ToolbarMenu'

interface TableAction { label: string; title: string; testId: string; run(editor: Editor): boolean }

/**
 * The table's commands while the caret is in one (Tab goes to the next cell, and past the last
 * adds a row), grouped in menus so that they fit the toolbar's one row beside 段落格式 and 查找替换.
 */
const MENUS: { caption: string; testId: string; actions: TableAction[] }[] = [
  {
    caption: '插入',
    testId: 'table-menu-insert',
    actions: [
      { label: '在上方插入行', title: '在光标所在行的上方插入一行', testId: 'table-row-before', run: (e) => e.chain().focus().addRowBefore().run() },
      { label: '在下方插入行', title: '在光标所在行的下方插入一行', testId: 'table-row-after', run: (e) => e.chain().focus().addRowAfter().run() },
      { label: '在左侧插入列', title: '在光标所在列的左侧插入一列', testId: 'table-column-before', run: (e) => e.chain().focus().addColumnBefore().run() },
      { label: '在右侧插入列', title: '在光标所在列的右侧插入一列', testId: 'table-column-after', run: (e) => e.chain().focus().addColumnAfter().run() },
    ],
  },
  {
    caption: '删除',
    testId: 'table-menu-delete',
    actions: [
      { label: '删除行', title: '删除光标所在行', testId: 'table-row-delete', run: (e) => e.chain().focus().deleteRow().run() },
      { label: '删除列', title: '删除光标所在列', testId: 'table-column-delete', run: (e) => e.chain().focus().deleteColumn().run() },
      { label: '删除表格', title: '删除整个表格', testId: 'table-delete', run: (e) => e.chain().focus().deleteTable().run() },
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
        <span className="table-group-caption">表格</span>
        {MENUS.map(({ caption, testId, actions }) => (
          <ToolbarMenu
            key={testId}
            label={caption}
            testId={testId}
            items={actions.map((action) => ({ ...action, run: () => action.run(editor) }))}
          />
        ))}
        <ToolbarMenu
          label="对齐"
          title="光标所在或所选单元格的对齐方式"
          testId="table-menu-align"
          items={ALIGNMENTS.map((option) => ({
            label: option.label,
            title: `所选单元格${option.label}`,
            testId: `table-align-${option.align}`,
            checked: align === option.align,
            run: () => editor.chain().focus().setCellAttribute('align', option.align === 'left' ? null : option.align).run(),
          }))}
        />
        <button type="button" className="button toolbar-button" title="各列等宽（拖动列线可调整列宽）" onClick={() => editor.chain().focus().evenTableColumns().run()} data-testid="table-even-columns">
          平均列宽
        </button>
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
