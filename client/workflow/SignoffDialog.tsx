import { useState } from 'react'
import { api } from '../api/client'
import { useAction } from '../api/useAction'
import { Dialog } from './Dialog'
import { shortHash } from './format'

/** A named signer confirms the locked text, identified by its content hash, with an opinion if they write one. */
export function SignoffDialog({ docId, hash, onDone, onClose }: { docId: string; hash: string | null; onDone(): void; onClose(): void }) {
  const [opinion, setOpinion] = useState('')
  const { busy, error, run } = useAction('签发失败')
  const confirm = () => run(() => api('POST', `/api/documents/${encodeURIComponent(docId)}/signoff`, opinion.trim() ? { opinion: opinion.trim() } : {}), onDone)

  return (
    <Dialog label="签发" testId="signoff-dialog" onClose={onClose}>
      <p>确认签发当前锁定的定稿内容？签发记录将包含您的账户、时间和内容校验值。</p>
      <p>内容校验值：<code className="hash" title={hash ?? ''} data-testid="signoff-hash">{shortHash(hash)}</code></p>
      <label className="field">
        <span>签发意见（可不填，最多 200 字）</span>
        <textarea rows={2} maxLength={200} value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder="如：同意。" data-testid="signoff-opinion-input" />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>取消</button>
        <button className="button primary" type="button" disabled={busy} onClick={() => void confirm()} data-testid="signoff-confirm">确认签发</button>
      </div>
    </Dialog>
  )
}
