import { useMemo } from 'react'
import type { Editor } from '@tiptap/core'
import { buildOutline, type OutlineSection } from '../../shared/outline'
import { useEditorJson } from './useEditorJson'
import '../styles/editorContent.css'

function SectionRow({ section, editor }: { section: OutlineSection; editor: Editor }) {
  // Unfilled placeholders directly in this section (its children show their own badges).
  const open = section.unfilled
  const id = section.id
  return (
    <li className="outline-item" data-level={section.level} data-section-id={id ?? undefined}>
      <div className="outline-row">
        <button type="button" className="outline-link" onClick={() => id && editor.commands.focusSection(id)} title="跳转到此节">
          <span className="outline-number">{section.number}</span>
          <span className="outline-heading">{section.heading || '（无标题）'}</span>
        </button>
        {open > 0 && (
          <span className="outline-badge" title={`本节还有 ${open} 处待填写`} aria-label={`待填写 ${open} 处`}>
            {open}
          </span>
        )}
        {editor.isEditable && id && (
          <span className="outline-move">
            <button type="button" aria-label="上移本节" title="上移本节（Alt+Shift+↑）" onClick={() => editor.commands.moveSection('up', id)}>↑</button>
            <button type="button" aria-label="下移本节" title="下移本节（Alt+Shift+↓）" onClick={() => editor.commands.moveSection('down', id)}>↓</button>
          </span>
        )}
      </div>
      {section.children.length > 0 && (
        <ul className="outline-children">
          {section.children.map((child, i) => (
            <SectionRow key={child.id ?? i} section={child} editor={editor} />
          ))}
        </ul>
      )}
    </li>
  )
}

/** The sections tree with computed numbers and how many placeholders each still lacks. */
export function OutlinePanel({ editor }: { editor: Editor | null }) {
  const json = useEditorJson(editor)
  const outline = useMemo(() => (json ? buildOutline(json) : null), [json])
  if (!editor || !outline) return null
  const { sections } = outline
  return (
    <nav className="hegao-panel outline-panel" aria-label="大纲">
      <h2 className="panel-title">
        大纲 <span className="outline-total">待填写 {outline.unfilled} / {outline.placeholders}</span>
      </h2>
      {sections.length === 0 ? (
        <p className="panel-empty">还没有章节。按 Ctrl+Alt+1 把当前段落设为一级标题。</p>
      ) : (
        <ul className="outline-tree">
          {sections.map((section, i) => (
            <SectionRow key={section.id ?? i} section={section} editor={editor} />
          ))}
        </ul>
      )}
    </nav>
  )
}
