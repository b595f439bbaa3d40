import { useState } from 'react'
import type { ThreadComment } from '../../shared/api/comments'
import { useAction } from '../api/useAction'
import { CommentTextarea, commentProblem } from './CommentTextarea'
import { trimComment } from '../../shared/api/comments'
import { formatCommentTime } from './formatTime'

interface CommentItemProps {
  comment: ThreadComment
  /** Only the author gets edit/delete (the server checks again). */
  own: boolean
  onEdit(body: string): Promise<void>
  onDelete(): Promise<void>
}

/** One comment: author, time, body as plain text (newlines kept by CSS), the author's own buttons. */
export function CommentItem({ comment, own, onEdit, onDelete }: CommentItemProps) {
  const [editing, setEditing] = useState(false)
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const [draft, setDraft] = useState(comment.body)
  const { busy, error, setError, run } = useAction('操作失败')

  const save = () => {
    const problem = commentProblem(draft, '评论内容不能为空')
    if (problem) return setError(problem)
    void run(() => onEdit(trimComment(draft)), () => setEditing(false))
  }

  return (
    <li className="comment-item" data-testid="comment-item" data-comment-id={comment.id}>
      <div className="comment-meta">
        <span className="comment-author">{comment.author.displayName || comment.author.username}</span>
        <span className="comment-time">{formatCommentTime(comment.createdAt)}</span>
        {comment.editedAt && !comment.deleted && <span className="comment-edited">（已编辑）</span>}
        {own && !comment.deleted && !editing && !confirmingDelete && (
          <span className="comment-own-actions">
            <button type="button" className="link-button" data-testid="comment-edit" onClick={() => { setDraft(comment.body); setEditing(true) }} disabled={busy}>编辑</button>
            <button type="button" className="link-button" data-testid="comment-delete" onClick={() => setConfirmingDelete(true)} disabled={busy}>删除</button>
          </span>
        )}
        {confirmingDelete && (
          <span className="comment-own-actions confirming">
            确定删除？
            <button type="button" className="link-button danger" data-testid="comment-delete-confirm" onClick={() => void run(onDelete, () => setConfirmingDelete(false))} disabled={busy}>删除</button>
            <button type="button" className="link-button" onClick={() => setConfirmingDelete(false)} disabled={busy}>取消</button>
          </span>
        )}
      </div>
      {comment.deleted ? (
        <p className="comment-body comment-deleted">此评论已删除</p>
      ) : editing ? (
        <div className="comment-edit-form">
          <CommentTextarea testId="comment-edit-input" label="修改评论" rows={3} value={draft} onChange={setDraft} />
          <div className="comment-form-actions">
            <button type="button" className="button small" onClick={() => setEditing(false)} disabled={busy}>取消</button>
            <button type="button" className="button small primary" data-testid="comment-edit-save" onClick={save} disabled={busy}>保存</button>
          </div>
        </div>
      ) : (
        <p className="comment-body" data-testid="comment-body">{comment.body}</p>
      )}
      {error && <p className="comment-error" role="alert">{error}</p>}
    </li>
  )
}
