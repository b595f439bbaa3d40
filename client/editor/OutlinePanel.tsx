import { useState } from 'react'
import type { Editor } from '@tiptap/core'
import type { Outline, OutlineSection } from '../../shared/outline'
import type { AssignmentsState } from '../assignments/useAssignments'
import { AssignmentControl } from '../assignments/AssignmentControl'
import { onlyMySections } from '../assignments/mySections'
import '../styles/editorContent.css'

interface OutlinePanelProps {
  editor: Editor | null
  outline: Outline | null
  /** Open comment threads per section id. */
  commentCounts: ReadonlyMap<string, number>
  assignments: AssignmentsState
  /** The owner may assign sections (not once the text is locked). */
  canAssign: boolean
  selfUsername: string
  onOpenComments(sectionId: string): void
}

interface RowContext extends Omit<OutlinePanelProps, 'outline' | 'editor'> {
  editor: Editor
  /** Ancestors kept only to place the user's own sections (shown dimmed). */
  contextOnly: Set<OutlineSection>
}

function SectionRow({ section, ctx }: { section: OutlineSection; ctx: RowContext }) {
  const { editor, commentCounts, assignments, canAssign } = ctx
  // Unfilled placeholders directly in this section (its children show their own badges).
  const open = section.unfilled
  const id = section.id
  const comments = id ? (commentCounts.get(id) ?? 0) : 0
  const assignment = id ? assignments.bySection.get(id) : undefined
  const assigned = Boolean(assignment)
  const assignControl = id && <AssignmentControl sectionId={id} assignment={assignment} assignees={canAssign ? assignments.assignees : null} onAssign={(sectionId, username) => void assignments.assign(sectionId, username)} />
  return (
    <li className={`outline-item${ctx.contextOnly.has(section) ? ' outline-context' : ''}`} data-level={section.level} data-section-id={id ?? undefined}>
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
        {comments > 0 && id && (
          <button type="button" className="outline-comment-badge" data-testid="outline-comment-count" title={`本节有 ${comments} 条未解决的评论`} onClick={() => ctx.onOpenComments(id)}>
            {comments}
          </button>
        )}
        {assigned && assignControl}
        {id && ((!assigned && canAssign) || editor.isEditable) && (
          <span className="outline-tools">
            {!assigned && assignControl}
            {editor.isEditable && (
              <>
                <button type="button" aria-label="上移本节" title="上移本节（Alt+Shift+↑）" onClick={() => editor.commands.moveSection('up', id)}>↑</button>
                <button type="button" aria-label="下移本节" title="下移本节（Alt+Shift+↓）" onClick={() => editor.commands.moveSection('down', id)}>↓</button>
              </>
            )}
          </span>
        )}
      </div>
      {section.children.length > 0 && (
        <ul className="outline-children">
          {section.children.map((child, i) => (
            <SectionRow key={child.id ?? i} section={child} ctx={ctx} />
          ))}
        </ul>
      )}
    </li>
  )
}

/**
 * The sections tree with computed numbers, how many placeholders each still lacks, its open
 * comments and who holds it; 「只看我的章节」 narrows it to the user's own sections.
 */
export function OutlinePanel({ editor, outline, ...rest }: OutlinePanelProps) {
  const [onlyMine, setOnlyMine] = useState(false)
  if (!editor || !outline) return null
  const { bySection } = rest.assignments
  const filtered = onlyMine
    ? onlyMySections(outline.sections, (id) => !!id && bySection.get(id)?.username === rest.selfUsername)
    : { sections: outline.sections, context: new Set<OutlineSection>() }
  const ctx: RowContext = { ...rest, editor, contextOnly: filtered.context }
  return (
    <nav className="hegao-panel outline-panel" aria-label="大纲">
      <h2 className="panel-title">
        大纲
        <span className="outline-total">
          待填写 {outline.unfilled} / {outline.placeholders}
          <span className="outline-characters" data-testid="outline-characters" title="全文字数（含标题和编号，不含空白和未填写的待填项）">{outline.characters.toLocaleString('zh-CN')} 字</span>
        </span>
      </h2>
      <label className="outline-mine-toggle">
        <input type="checkbox" checked={onlyMine} onChange={(event) => setOnlyMine(event.target.checked)} data-testid="outline-mine" />
        只看我的章节
      </label>
      {rest.assignments.error && <p className="comment-error" role="alert">{rest.assignments.error}</p>}
      {outline.sections.length === 0 ? (
        <p className="panel-empty">还没有章节。按 Ctrl+Alt+1 把当前段落设为一级标题。</p>
      ) : filtered.sections.length === 0 ? (
        <p className="panel-empty" data-testid="outline-mine-empty">还没有分配给您的章节。</p>
      ) : (
        <ul className="outline-tree" data-testid="outline-tree">
          {filtered.sections.map((section, i) => (
            <SectionRow key={section.id ?? i} section={section} ctx={ctx} />
          ))}
        </ul>
      )}
    </nav>
  )
}
