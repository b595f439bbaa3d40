import { useState } from 'react'
import type { Thread } from '../../shared/api/comments'
import type { CommentActions } from './useComments'
import { useAction } from '../api/useAction'
import { CommentItem } from './CommentItem'
import { CommentTextarea, commentProblem } from './CommentTextarea'
import { trimComment } from '../../shared/api/comments'

interface CommentThreadProps {
  thread: Thread
  /** Where the thread is, shown when the list is not limited to one section. */
  sectionLabel: string | null
  selfUsername: string
  /** Owner, editor and commenter may reply and resolve; viewers only read. */
  canComment: boolean
  actions: CommentActions
  onGoToSection?: () => void
  /** Selects the quoted text in the editor; false when the text no longer holds it. */
  onLocateQuote?: () => boolean
}

/** A thread: its quote, its comments, a reply form and the resolve/reopen button. */
export function CommentThread({ thread, sectionLabel, selfUsername, canComment, actions, onGoToSection, onLocateQuote }: CommentThreadProps) {
  const [reply, setReply] = useState('')
  const [quoteGone, setQuoteGone] = useState(false)
  const { busy, error, setError, run } = useAction('操作失败')

  const sendReply = () => {
    const problem = commentProblem(reply, '回复内容不能为空')
    if (problem) return setError(problem)
    void run(() => actions.reply(thread.id, trimComment(reply)), () => setReply(''))
  }

  return (
    <li
      className={`comment-thread${thread.resolved ? ' resolved' : ''}${thread.detached ? ' detached' : ''}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-section-id={thread.sectionId}
      data-resolved={thread.resolved ? 'true' : 'false'}
    >
      {(sectionLabel || thread.resolved) && (
        <div className="thread-head">
          {sectionLabel && (
            <button type="button" className="thread-section link-button" onClick={onGoToSection} disabled={!onGoToSection} title="跳转到此节">
              {sectionLabel}
            </button>
          )}
          {thread.resolved && <span className="thread-resolved-tag">已解决</span>}
        </div>
      )}
      {thread.quote && (
        <blockquote className="thread-quote">
          {onLocateQuote ? (
            <button type="button" className="link-button quote-locate" title="在正文中选中这段文字" data-testid="thread-quote" onClick={() => setQuoteGone(!onLocateQuote())}>
              {thread.quote}
            </button>
          ) : (
            thread.quote
          )}
        </blockquote>
      )}
      {quoteGone && <p className="quote-gone" data-testid="quote-gone">正文已修改，找不到这段引文。</p>}
      <ul className="comment-list">
        {thread.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            own={comment.author.username === selfUsername}
            onEdit={(body) => actions.edit(thread.id, comment.id, body)}
            onDelete={() => actions.remove(thread.id, comment.id)}
          />
        ))}
      </ul>
      {canComment && (
        <div className="thread-actions">
          {!thread.resolved && (
            <div className="reply-form">
              <CommentTextarea testId="reply-input" label="回复" placeholder="回复…" rows={1} value={reply} onChange={setReply} onSend={sendReply} />
              <button type="button" className="button small primary" data-testid="reply-submit" onClick={sendReply} disabled={busy || !trimComment(reply)}>回复</button>
            </div>
          )}
          <button
            type="button"
            className="button small"
            data-testid="thread-resolve"
            onClick={() => void run(() => actions.setResolved(thread.id, !thread.resolved))}
            disabled={busy}
          >
            {thread.resolved ? '重新打开' : '解决'}
          </button>
        </div>
      )}
      {error && <p className="comment-error" role="alert">{error}</p>}
    </li>
  )
}
