/** The comments' own limit, as the server validates it. */
const MAX_COMMENT_LENGTH = 2000

/** A comment's text box: plain text; with `onSend`, Ctrl+Enter (⌘+Enter) sends it. */
export function CommentTextarea({ value, onChange, onSend, label, testId, placeholder, rows }: {
  value: string
  onChange(value: string): void
  onSend?: () => void
  label: string
  testId: string
  placeholder?: string
  rows: number
}) {
  return (
    <textarea
      className="comment-textarea"
      data-testid={testId}
      placeholder={placeholder}
      aria-label={label}
      rows={rows}
      maxLength={MAX_COMMENT_LENGTH}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (onSend && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSend()
      }}
    />
  )
}
