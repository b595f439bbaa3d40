import { useState, type FormEvent } from 'react'
import { api } from '../api/client'
import { useAction } from '../api/useAction'
import { Dialog } from '../workflow/Dialog'

/** 修改密码: the current password, then the new one twice. The server ends the account's other sessions. */
export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const [form, setForm] = useState({ current: '', password: '', repeat: '' })
  const [done, setDone] = useState(false)
  const { busy, error, setError, run } = useAction('修改失败')

  function submit(event: FormEvent) {
    event.preventDefault()
    if (form.password !== form.repeat) return setError('两次输入的新密码不一致')
    void run(() => api('POST', '/api/me/password', { current: form.current, password: form.password }), () => setDone(true))
  }

  const field = (key: keyof typeof form, label: string, autoComplete: string) => (
    <label className="field">
      <span>{label}</span>
      <input type="password" autoComplete={autoComplete} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} required data-testid={`password-${key}`} />
    </label>
  )

  return (
    <Dialog label="修改密码" testId="password-dialog" onClose={onClose}>
      {done ? (
        <p className="form-notice" role="status" data-testid="password-done">密码已修改。其他设备和浏览器上的登录已退出，需用新密码重新登录。</p>
      ) : (
        <form onSubmit={submit} id="password-form">
          {field('current', '当前密码', 'current-password')}
          {field('password', '新密码（至少 8 个字符）', 'new-password')}
          {field('repeat', '再次输入新密码', 'new-password')}
          {error && <p className="form-error" role="alert">{error}</p>}
        </form>
      )}
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose} data-testid="password-close">{done ? '关闭' : '取消'}</button>
        {!done && <button className="button primary" type="submit" form="password-form" disabled={busy} data-testid="password-submit">修改密码</button>}
      </div>
    </Dialog>
  )
}
