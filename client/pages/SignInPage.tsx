import { useEffect, useState, type FormEvent } from 'react'
import { api, ApiError } from '../api/client'
import type { User } from '../api/types'
import { getSession, saveSession, sessionEndedByServer } from '../auth/session'
import { navigate } from '../router'

export function SignInPage() {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // Already signed in (e.g. a stale /login in the address bar): go to the list.
  useEffect(() => {
    if (getSession()) navigate('/', { replace: true })
  }, [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const result = await api<{ token: string; user: User }>('POST', '/api/login', { username: username.trim(), password })
      saveSession(result)
      navigate('/', { replace: true })
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? '用户名或密码错误' : caught instanceof Error ? caught.message : '登录失败')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="signin">
      <form className="signin-card" onSubmit={submit} data-testid="signin-form">
        <h1 className="brand">合稿</h1>
        <p className="signin-subtitle">公文协同起草系统</p>
        {sessionEndedByServer() && <p className="form-notice" role="status" data-testid="signin-ended">登录已失效（已过期、密码已修改或账号已停用），请重新登录。</p>}
        <label className="field">
          <span>用户名</span>
          <input data-testid="signin-username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label className="field">
          <span>密码</span>
          <input data-testid="signin-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && <p className="form-error" role="alert" data-testid="signin-error">{error}</p>}
        <button className="button primary" type="submit" disabled={busy} data-testid="signin-submit">
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
    </div>
  )
}
