import { useState } from 'react'
import { api } from '../api/client'
import type { User } from '../api/types'
import { clearSession } from '../auth/session'
import { href, navigate } from '../router'
import { ChangePasswordDialog } from '../account/ChangePasswordDialog'

export function AppHeader({ user }: { user: User }) {
  const [changingPassword, setChangingPassword] = useState(false)

  async function signOut() {
    // Sign out locally even when the server cannot be reached.
    await api('POST', '/api/logout').catch(() => undefined)
    clearSession()
    navigate('/login', { replace: true })
  }

  return (
    <header className="app-header">
      <a className="brand-link" href={href('/')}>合稿</a>
      <nav className="app-nav">
        <a href={href('/')} data-testid="nav-documents">我的文档</a>
        {user.admin && <a href={href('/admin/users')} data-testid="nav-admin">用户管理</a>}
        {user.admin && <a href={href('/admin/templates')} data-testid="nav-templates">模板管理</a>}
      </nav>
      <div className="app-user">
        <span data-testid="current-user">{user.displayName || user.username}</span>
        <button className="button link" type="button" onClick={() => setChangingPassword(true)} data-testid="change-password">修改密码</button>
        <button className="button link" type="button" onClick={signOut} data-testid="signout">退出登录</button>
      </div>
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
    </header>
  )
}
