import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { api } from '../api/client'
import type { User } from '../api/types'
import { ResetPasswordDialog } from '../account/ResetPasswordDialog'

export function AdminUsersPage() {
  const [users, setUsers] = useState<User[]>([])
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [form, setForm] = useState({ username: '', displayName: '', password: '' })
  const [busy, setBusy] = useState(false)
  const [resetting, setResetting] = useState<User | null>(null)

  const load = useCallback(async () => {
    try {
      const result = await api<User[] | { users: User[] }>('GET', '/api/users')
      setUsers(Array.isArray(result) ? result : result.users)
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '无法加载用户')
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  async function create(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      await api('POST', '/api/users', { username: form.username.trim(), displayName: form.displayName.trim() || form.username.trim(), password: form.password })
      setNotice(`已创建账号 ${form.username.trim()}`)
      setForm({ username: '', displayName: '', password: '' })
      await load()
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '创建失败')
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="page">
      <h1 className="page-title">用户管理</h1>
      <form className="inline-form" onSubmit={create} data-testid="create-user-form">
        <label className="field"><span>用户名</span><input data-testid="new-username" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} required /></label>
        <label className="field"><span>显示名</span><input data-testid="new-display-name" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} placeholder="如：张三" /></label>
        <label className="field"><span>初始密码</span><input data-testid="new-password" type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required /></label>
        <button className="button primary" type="submit" disabled={busy} data-testid="create-user-submit">创建账号</button>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
      {notice && <p className="form-notice" role="status">{notice}</p>}
      <table className="table" data-testid="user-list">
        <thead><tr><th>用户名</th><th>显示名</th><th>身份</th><th></th></tr></thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.username} data-testid="user-row">
              <td>{user.username}</td>
              <td>{user.displayName}</td>
              <td>{user.admin ? '管理员' : '普通用户'}</td>
              <td><button className="button link" type="button" onClick={() => { setNotice(null); setResetting(user) }} data-testid="reset-password">重置密码</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {resetting && (
        <ResetPasswordDialog
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={(message) => {
            setResetting(null)
            setNotice(message)
          }}
        />
      )}
    </main>
  )
}
