import type { CommentsState } from './useComments'
import type { CaretSection } from './useCaretSection'
import type { Thread } from '../../shared/api/comments'
import { CommentThread } from './CommentThread'
import { NewThreadForm } from './NewThreadForm'

interface CommentsPanelProps {
  comments: CommentsState
  caret: CaretSection
  /** Section id → 「二、（一）主要做法」 for the threads' places in the 全部 view. */
  sectionLabels: ReadonlyMap<string, string>
  selfUsername: string
  canComment: boolean
  onGoToSection(sectionId: string): void
  onLocateQuote(sectionId: string, quote: string): boolean
  /** 全部 instead of the caret's section (kept by the workspace: a margin marker turns it off). */
  showAll: boolean
  onShowAllChange(showAll: boolean): void
}

/** Open threads first, resolved ones after; each group oldest first (as the server sends them). */
const openFirst = (threads: Thread[]) => [...threads.filter((t) => !t.resolved), ...threads.filter((t) => t.resolved)]

/**
 * The comment threads of the section holding the caret, or of the whole document (全部);
 * threads whose section was deleted are grouped apart as 已脱离的评论.
 */
export function CommentsPanel({ comments, caret, sectionLabels, selfUsername, canComment, onGoToSection, onLocateQuote, showAll, onShowAllChange }: CommentsPanelProps) {
  const { threads, loaded, loadError, actions } = comments
  const attached = threads.filter((t) => !t.detached)
  const detached = threads.filter((t) => t.detached)
  const shown = openFirst(showAll ? attached : attached.filter((t) => t.sectionId === caret.sectionId))

  const renderThread = (thread: Thread, withPlace: boolean) => (
    <CommentThread
      key={thread.id}
      thread={thread}
      sectionLabel={withPlace ? (sectionLabels.get(thread.sectionId) ?? '（章节已删除）') : null}
      selfUsername={selfUsername}
      canComment={canComment}
      actions={actions}
      onGoToSection={withPlace && !thread.detached ? () => onGoToSection(thread.sectionId) : undefined}
      onLocateQuote={thread.quote && !thread.detached ? () => onLocateQuote(thread.sectionId, thread.quote!) : undefined}
    />
  )

  return (
    <section className="hegao-panel comments-panel" aria-label="评论" data-testid="comments-panel">
      <h2 className="panel-title">
        <span className="comments-scope" data-testid="comments-scope">
          {showAll ? '全部评论' : caret.sectionId ? `本节评论：${caret.label}` : '本节评论'}
        </span>
        <label className="comments-all-toggle">
          <input type="checkbox" checked={showAll} onChange={(event) => onShowAllChange(event.target.checked)} data-testid="comments-all" />
          全部
        </label>
      </h2>
      {canComment && <NewThreadForm caret={caret} onCreate={actions.create} />}
      {loadError && <p className="comment-error" role="alert">{loadError}</p>}
      {!loaded && !loadError && <p className="panel-empty">正在加载评论…</p>}
      {loaded && shown.length === 0 && (
        <p className="panel-empty" data-testid="comments-empty">{showAll ? '还没有评论。' : caret.sectionId ? '本节还没有评论。' : '光标不在任何章节中。'}</p>
      )}
      {shown.length > 0 && <ul className="thread-list">{shown.map((thread) => renderThread(thread, showAll))}</ul>}
      {detached.length > 0 &&
        (showAll ? (
          <div className="detached-group" data-testid="detached-threads">
            <h3 className="check-heading">已脱离的评论（{detached.length}）</h3>
            <p className="panel-empty">这些评论所在的章节已被删除。</p>
            <ul className="thread-list">{openFirst(detached).map((thread) => renderThread(thread, false))}</ul>
          </div>
        ) : (
          <p className="panel-empty detached-hint">另有 {detached.length} 条已脱离的评论，勾选「全部」查看。</p>
        ))}
    </section>
  )
}
