import { useState, type FormEvent } from 'react'
import { api } from '../api/client'
import type { Account } from '../api/types'
import { useAction } from '../api/useAction'
import { Dialog } from '../workflow/Dialog'

/** 修改账号 (administrators): the name others see, and whether the account administers. */
export function EditAccountDialog({ account, self, onClose, onDone }: { account: Account; self: boolean; onClose(): void; onDone(message: string): void }) {
  const [displayName, setDisplayName] = useState(account.displayName)
  const [admin, setAdmin] = useState(account.admin)
  const { busy, error, run } = useAction('修改失败')

  function submit(event: FormEvent) {
    event.preventDefault()
    void run(async () => {
      await api('PATCH', `/api/users/${encodeURIComponent(account.username)}`, { displayName: displayName.trim(), admin })
      onDone(`已修改账号 ${account.username}`)
    })
  }

  return (
    <Dialog label={`修改账号：${account.username}`} testId="edit-account-dialog" onClose={onClose}>
      <form onSubmit={submit} id="edit-account-form">
        <label className="field">
          <span>显示名（文档成员、评论和光标旁显示的名字）</span>
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={64} data-testid="edit-display-name" />
        </label>
        <label className="checkbox-field">
          <input type="checkbox" checked={admin} disabled={self} onChange={(e) => setAdmin(e.target.checked)} data-testid="edit-admin" />
          <span>管理员（可以管理账号和模板）{self && '：不能取消自己的管理员身份'}</span>
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
      </form>
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>取消</button>
        <button className="button primary" type="submit" form="edit-account-form" disabled={busy} data-testid="edit-account-submit">保存</button>
      </div>
    </Dialog>
  )
}
