import { useState } from 'react'
import { useAction } from '../api/useAction'
import type { CaretSection } from './useCaretSection'
import { QUOTE_LIMIT } from './useCaretSection'
import { CommentTextarea, commentProblem } from './CommentTextarea'
import { trimComment } from '../../shared/api/comments'

interface NewThreadFormProps {
  caret: CaretSection
  onCreate(sectionId: string, body: string, quote: string | null): Promise<void>
}

/** Starts a thread on the section holding the caret, optionally quoting the selected text. */
export function NewThreadForm({ caret, onCreate }: NewThreadFormProps) {
  const [body, setBody] = useState('')
  const [withQuote, setWithQuote] = useState(true)
  const { busy, error, setError, run } = useAction('发表评论失败')

  if (!caret.sectionId) {
    return <p className="panel-empty comment-hint" data-testid="comment-no-section">把光标放到某一章节中，即可对该章节发表评论。</p>
  }
  const sectionId = caret.sectionId
  const quote = withQuote && caret.selectedText ? caret.selectedText.slice(0, QUOTE_LIMIT) : null

  const submit = async () => {
    const problem = commentProblem(body, '评论内容不能为空')
    if (problem) return setError(problem)
    await run(() => onCreate(sectionId, trimComment(body), quote), () => setBody(''))
  }

  return (
    <div className="new-thread-form" data-testid="new-thread-form">
      {caret.selectedText && (
        <label className="quote-toggle">
          <input type="checkbox" checked={withQuote} onChange={(event) => setWithQuote(event.target.checked)} data-testid="comment-quote-toggle" />
          引用所选文字：<span className="quote-preview">{caret.selectedText}</span>
        </label>
      )}
      <CommentTextarea
        testId="comment-input"
        label="评论内容"
        placeholder="对本节发表评论…（Ctrl+Enter 发表）"
        rows={3}
        value={body}
        onChange={setBody}
        onSend={() => void submit()}
      />
      <div className="comment-form-actions">
        <button type="button" className="button small primary" data-testid="comment-submit" onClick={() => void submit()} disabled={busy || !trimComment(body)}>发表评论</button>
      </div>
      {error && <p className="comment-error" role="alert" data-testid="comment-error">{error}</p>}
    </div>
  )
}
