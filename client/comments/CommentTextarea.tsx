import { COMMENT_MAX_LENGTH, COMMENT_TOO_LONG, commentLength, trimComment } from '../../shared/api/comments'

/** The counter shows from here on, so that the limit is seen before it is reached. */
const COUNT_FROM = COMMENT_MAX_LENGTH - 200

/**
 * Why a comment's text cannot be sent, or null: `empty` when nothing visible is left once trimmed
 * (as the server trims it), 评论最多 2000 个字 above the limit.
 */
export function commentProblem(text: string, empty: string): string | null {
  const body = trimComment(text)
  if (!body) return empty
  return commentLength(body) > COMMENT_MAX_LENGTH ? COMMENT_TOO_LONG : null
}

/**
 * A comment's text box: plain text; with `onSend`, Ctrl+Enter (⌘+Enter) sends it. It takes text
 * beyond the limit rather than cutting a paste short (maxLength would, silently); the counter says
 * how far over it is and the form refuses to send it.
 */
export function CommentTextarea({ value, onChange, onSend, label, testId, placeholder, rows }: {
  value: string
  onChange(value: string): void
  onSend?: () => void
  label: string
  testId: string
  placeholder?: string
  rows: number
}) {
  const length = commentLength(trimComment(value))
  const over = length - COMMENT_MAX_LENGTH
  return (
    <div className="comment-textarea-box">
      <textarea
        className="comment-textarea"
        data-testid={testId}
        placeholder={placeholder}
        aria-label={label}
        aria-invalid={over > 0}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (onSend && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSend()
        }}
      />
      {length >= COUNT_FROM && (
        <span className={`comment-count${over > 0 ? ' over' : ''}`} data-testid="comment-count" aria-live="polite">
          {length} / {COMMENT_MAX_LENGTH}{over > 0 && `，超出 ${over} 字`}
        </span>
      )}
    </div>
  )
}
