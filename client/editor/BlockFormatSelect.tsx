import { useEditorState, type Editor } from '@tiptap/react'
import { currentBlock } from './extensions/sectionEditing'
import { PARAGRAPH_KINDS, PARAGRAPH_KIND_LABELS, paragraphKind } from '../../shared/schema/paragraph'

const HEADINGS = [
  { value: 'h1', label: '一级标题　一、' },
  { value: 'h2', label: '二级标题　（一）' },
  { value: 'h3', label: '三级标题　1.' },
  { value: 'h4', label: '四级标题　（1）' },
]

/** What the block at the caret is: 'title', 'body', 'h1'…'h4' or a paragraph kind. */
function formatAt(editor: Editor): string {
  const block = currentBlock(editor.state)
  if (!block) return ''
  const { name } = block.node.type
  if (name === 'title') return 'title'
  if (name === 'table') return 'table'
  if (name === 'sectionHeading') return `h${block.node.attrs.level}`
  return paragraphKind(block.node.attrs.kind) ?? 'body'
}

/**
 * 段落格式: what the block at the caret is, and a way to change it that needs no shortcut (the
 * shortcuts Ctrl-Alt-0…4 do the same for body text and headings).
 */
export function BlockFormatSelect({ editor }: { editor: Editor }) {
  const format = useEditorState({ editor, selector: ({ editor }) => formatAt(editor) })
  // A table's paragraphs are cell text: no headings or 公文 parts inside a table.
  const disabled = !format || format === 'title' || format === 'table'

  function apply(value: string) {
    const chain = editor.chain().focus()
    if (value === 'body') chain.setBlockLevel(0).run()
    else if (value.startsWith('h')) chain.setBlockLevel(Number(value.slice(1))).run()
    else chain.setParagraphKind(paragraphKind(value)!).run()
  }

  return (
    <label className="block-format">
      <span>段落格式</span>
      <select value={format} disabled={disabled} onChange={(e) => apply(e.target.value)} data-testid="block-format">
        {format === 'title' && <option value="title">文档标题</option>}
        {format === 'table' && <option value="table">表格</option>}
        <option value="body">正文</option>
        {HEADINGS.map((h) => <option key={h.value} value={h.value}>{h.label}</option>)}
        {PARAGRAPH_KINDS.map((kind) => <option key={kind} value={kind}>{PARAGRAPH_KIND_LABELS[kind]}</option>)}
      </select>
    </label>
  )
}
