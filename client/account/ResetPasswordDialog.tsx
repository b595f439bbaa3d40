import { useState, type FormEvent } from 'react'
import { api } from '../api/client'
import type { User } from '../api/types'
import { useAction } from '../api/useAction'
import { Dialog } from '../workflow/Dialog'

/** 重置密码 (administrators): a new password for `user`; every session of the account ends. */
export function ResetPasswordDialog({ user, onClose, onDone }: { user: User; onClose(): void; onDone(message: string): void }) {
  const [password, setPassword] = useState('')
  const { busy, error, run } = useAction('重置失败')

  function submit(event: FormEvent) {
    event.preventDefault()
    void run(
      () => api('PUT', `/api/users/${encodeURIComponent(user.username)}/password`, { password }),
      () => onDone(`已重置 ${user.displayName}（${user.username}）的密码，该账号的登录已全部退出`),
    )
  }

  return (
    <Dialog label={`重置密码：${user.displayName}（${user.username}）`} testId="reset-password-dialog" onClose={onClose}>
      <form onSubmit={submit} id="reset-password-form">
        <label className="field">
          <span>新密码（至少 8 个字符，请当面或电话告知本人）</span>
          <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required data-testid="reset-password-input" />
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
      </form>
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>取消</button>
        <button className="button primary" type="submit" form="reset-password-form" disabled={busy} data-testid="reset-password-submit">重置密码</button>
      </div>
    </Dialog>
  )
}
