import { useState, type FormEvent } from 'react'
import { api } from '../api/client'
import { useAction } from '../api/useAction'
import { Dialog } from './Dialog'

/** The owner sends a locked or signed document back to draft; the reason goes into the audit. */
export function UnlockDialog({ docId, signed, onDone, onClose }: { docId: string; signed: boolean; onDone(): void; onClose(): void }) {
  const [reason, setReason] = useState('')
  const { busy, error, setError, run } = useAction('解除锁定失败')

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!reason.trim()) {
      setError('请填写解除锁定的原因')
      return
    }
    await run(() => api('POST', `/api/documents/${encodeURIComponent(docId)}/unlock`, { reason: reason.trim() }), onDone)
  }

  return (
    <Dialog label="解除锁定" testId="unlock-dialog" onClose={onClose}>
      <form onSubmit={submit}>
        <p className="workflow-warning">
          解除锁定后文档回到草稿状态，可以再次修改；{signed ? '已有的签发' : '已有的签发（如有）'}将作废，作废记录保留在审计记录中。
        </p>
        <label className="field">
          <span>原因（必填）</span>
          <textarea data-testid="unlock-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        {error && <p className="form-error" role="alert" data-testid="unlock-error">{error}</p>}
        <div className="dialog-actions">
          <button className="button" type="button" onClick={onClose}>取消</button>
          <button className="button primary danger" type="submit" disabled={busy} data-testid="unlock-confirm">解除锁定</button>
        </div>
      </form>
    </Dialog>
  )
}
