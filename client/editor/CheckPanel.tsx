import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import type { CheckProblem, CheckResult } from '../../shared/check/index'
import { findExcerpt, findPlaceholderPos, sectionsOf } from './sections'
import { selectPlaceholder } from './extensions/sectionEditing'
import '../styles/editorContent.css'

/** Selects the heading whose number path is `path` (e.g. ['一、', '（二）']). */
function goToSection(editor: Editor, path: string[]) {
  if (!path.length) return
  const section = sectionsOf(editor.state.doc).find((s) => s.path.join('') === path.join(''))
  if (section?.id) editor.commands.focusSection(section.id)
}

/**
 * Selects the words a problem is about (the doubled word, the list marker out of order). Not
 * found, they are gone already (the panel lags the text a little): the caret stays where it is.
 */
function selectExcerpt(editor: Editor, excerpt: NonNullable<CheckProblem['excerpt']>, sectionId: string | null | undefined): void {
  const { doc } = editor.state
  const sections = sectionsOf(doc)
  const section = sectionId ? sections.find((s) => s.id === sectionId) : null
  // No section: the preamble, before the first heading.
  const [from, to] = section ? [section.pos, section.end] : [0, sections[0]?.pos ?? doc.content.size]
  const range = findExcerpt(doc, from, to, excerpt)
  if (!range) return
  const { view } = editor
  view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, range.from, range.to)).scrollIntoView())
  view.focus()
}

function goToProblem(editor: Editor, problem: CheckProblem) {
  if (problem.placeholderId) {
    const pos = findPlaceholderPos(editor.state.doc, problem.placeholderId)
    if (pos >= 0) return selectPlaceholder(editor, pos, false)
  }
  if (problem.excerpt) return selectExcerpt(editor, problem.excerpt, problem.sectionId)
  if (problem.sectionId && editor.commands.focusSection(problem.sectionId)) return
  goToSection(editor, problem.sectionPath)
}

/**
 * The pre-submission check, live: every unfilled placeholder and every problem, one click
 * away (a placeholder opens its input in place).
 */
export function CheckPanel({ editor, check }: { editor: Editor | null; check: CheckResult | null }) {
  if (!editor || !check) return null
  const { unfilled, problems } = check
  const openPlaceholder = (id: string | null) => {
    if (!id) return
    const pos = findPlaceholderPos(editor.state.doc, id)
    if (pos >= 0) selectPlaceholder(editor, pos, editor.isEditable)
  }
  return (
    <section className="hegao-panel check-panel" aria-label="提交前检查">
      <h2 className="panel-title">
        提交前检查{' '}
        <span className={check.ready ? 'check-status ready' : 'check-status not-ready'}>{check.ready ? '可以提交' : '尚不能提交'}</span>
      </h2>
      {unfilled.length > 0 && (
        <>
          <h3 className="check-heading">待填写（{unfilled.length}）</h3>
          <ul className="check-list">
            {unfilled.map((item, i) => (
              <li key={item.id ?? i}>
                <button type="button" className="check-item unfilled-item" data-placeholder-id={item.id ?? undefined} onClick={() => openPlaceholder(item.id)}>
                  <span className="check-where">{item.sectionPath.join('') || '正文'}</span>
                  <span className="check-context">
                    {item.contextAt ? (
                      <>
                        {item.context.slice(0, item.contextAt.from)}
                        <mark className="check-context-mark">{item.context.slice(item.contextAt.from, item.contextAt.to)}</mark>
                        {item.context.slice(item.contextAt.to)}
                      </>
                    ) : item.context}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {problems.length > 0 && (
        <>
          <h3 className="check-heading">问题（{problems.length}）</h3>
          <ul className="check-list">
            {problems.map((problem, i) => (
              <li key={i}>
                <button type="button" className={`check-item problem-item severity-${problem.severity}`} data-rule={problem.rule} onClick={() => goToProblem(editor, problem)}>
                  <span className="check-severity">{problem.severity === 'error' ? '错误' : '提示'}</span>
                  <span className="check-where">{problem.sectionPath.join('')}</span>
                  <span className="check-context">{problem.message}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {check.ready && unfilled.length === 0 && problems.length === 0 && <p className="panel-empty">没有发现问题。</p>}
    </section>
  )
}
