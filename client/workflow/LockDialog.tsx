import { useState, type FormEvent } from 'react'
import { api } from '../api/client'
import type { Member } from '../api/types'
import { useAction } from '../api/useAction'
import { roleLabel } from '../labels'
import { Dialog } from './Dialog'

/** The owner freezes the reviewed text and names who must sign it off (at least one member). */
export function LockDialog({ docId, members, onDone, onClose }: {
  docId: string
  members: Member[]
  onDone(): void
  onClose(): void
}) {
  const [chosen, setChosen] = useState<string[]>([])
  const { busy, error, setError, run } = useAction('锁定失败')

  function toggle(username: string, on: boolean) {
    setError(null)
    // Keep the members' order so the banner lists signers as the owner saw them.
    setChosen((current) => members.map((m) => m.username).filter((name) => (name === username ? on : current.includes(name))))
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (chosen.length === 0) {
      setError('请至少选择一位签发人')
      return
    }
    await run(() => api('POST', `/api/documents/${encodeURIComponent(docId)}/lock`, { signers: chosen }), onDone)
  }

  return (
    <Dialog label="锁定定稿" testId="lock-dialog" onClose={onClose}>
      <form onSubmit={submit}>
        <p className="workflow-warning">锁定后正文将被冻结，任何人都不能再修改；系统记录当前内容的校验值，签发人据此签发。</p>
        <fieldset className="signer-choice">
          <legend>选择签发人（至少一位）</legend>
          {members.filter((member) => !member.disabled).map((member) => (
            <label key={member.username} className="signer-option">
              <input
                type="checkbox"
                data-testid="lock-signer"
                data-username={member.username}
                checked={chosen.includes(member.username)}
                onChange={(e) => toggle(member.username, e.target.checked)}
              />
              <span>{member.displayName || member.username}</span>
              <span className="muted">（{member.username}，{roleLabel(member.role)}）</span>
            </label>
          ))}
        </fieldset>
        {error && <p className="form-error" role="alert" data-testid="lock-error">{error}</p>}
        <div className="dialog-actions">
          <button className="button" type="button" onClick={onClose}>取消</button>
          <button className="button primary" type="submit" disabled={busy} data-testid="lock-confirm">锁定定稿</button>
        </div>
      </form>
    </Dialog>
  )
}
