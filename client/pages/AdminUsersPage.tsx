import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { api } from '../api/client'
import type { Account } from '../api/types'
import { ResetPasswordDialog } from '../account/ResetPasswordDialog'
import { EditAccountDialog } from '../account/EditAccountDialog'
import { DisableAccountDialog } from '../account/DisableAccountDialog'
import { errorMessage } from '../workflow/format'

type Managing = { account: Account; action: 'edit' | 'password' | 'disable' }

/** 用户管理: accounts are created, renamed, made administrators, given a new password, disabled and enabled. */
export function AdminUsersPage({ selfUsername }: { selfUsername: string }) {
  const [users, setUsers] = useState<Account[]>([])
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [form, setForm] = useState({ username: '', displayName: '', password: '' })
  const [busy, setBusy] = useState(false)
  const [managing, setManaging] = useState<Managing | null>(null)

  const load = useCallback(async () => {
    try {
      setUsers(await api<Account[]>('GET', '/api/users'))
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

  function manage(account: Account, action: Managing['action']) {
    setNotice(null)
    setError(null)
    setManaging({ account, action })
  }

  async function enable(account: Account) {
    setNotice(null)
    setError(null)
    try {
      await api('PATCH', `/api/users/${encodeURIComponent(account.username)}`, { disabled: false })
      setNotice(`已启用账号 ${account.username}`)
      await load()
    } catch (caught) {
      setError(errorMessage(caught, '启用失败'))
    }
  }

  async function done(message: string) {
    setManaging(null)
    setNotice(message)
    await load()
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
        <thead><tr><th>用户名</th><th>显示名</th><th>身份</th><th>状态</th><th></th></tr></thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.username} data-testid="user-row" data-username={user.username} className={user.disabled ? 'account-disabled' : undefined}>
              <td>{user.username}</td>
              <td>{user.displayName}</td>
              <td>{user.admin ? '管理员' : '普通用户'}</td>
              <td>{user.disabled ? '已停用' : '正常'}</td>
              <td className="row-actions">
                <button className="button link" type="button" onClick={() => manage(user, 'edit')} data-testid="edit-account">修改</button>
                <button className="button link" type="button" onClick={() => manage(user, 'password')} data-testid="reset-password">重置密码</button>
                {user.disabled ? (
                  <button className="button link" type="button" onClick={() => void enable(user)} data-testid="enable-account">启用</button>
                ) : (
                  user.username !== selfUsername && (
                    <button className="button link danger" type="button" onClick={() => manage(user, 'disable')} data-testid="disable-account">停用</button>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {managing?.action === 'edit' && (
        <EditAccountDialog account={managing.account} self={managing.account.username === selfUsername} onClose={() => setManaging(null)} onDone={done} />
      )}
      {managing?.action === 'password' && <ResetPasswordDialog user={managing.account} onClose={() => setManaging(null)} onDone={done} />}
      {managing?.action === 'disable' && <DisableAccountDialog account={managing.account} accounts={users} onClose={() => setManaging(null)} onDone={done} />}
    </main>
  )
}
