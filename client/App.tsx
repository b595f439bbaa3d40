import { Suspense, useEffect } from 'react'
import { api, onUnauthorized } from './api/client'
import type { User } from './api/types'
import { clearSession, getToken, saveSession, useSession } from './auth/session'
import { matchRoute, navigate, usePath } from './router'
import { SignInPage } from './pages/SignInPage'
import { DocumentListPage } from './pages/DocumentListPage'
import { EditorPage } from './pages/EditorPage'
import { AdminUsersPage } from './pages/AdminUsersPage'
import { AdminTemplatesPage } from './pages/AdminTemplatesPage'
import { AppHeader } from './components/AppHeader'
import { PrintView } from './printView'

export function App() {
  const session = useSession()
  const path = usePath()
  const route = matchRoute(path)

  useEffect(
    () =>
      onUnauthorized(() => {
        clearSession(true)
        navigate('/login', { replace: true })
      }),
    [],
  )

  // The stored user may be stale (renamed, made admin); a revoked token ends in sign-in via onUnauthorized.
  const token = session?.token
  useEffect(() => {
    if (!token) return
    api<{ user: User }>('GET', '/api/me')
      .then(({ user }) => {
        if (getToken() === token) saveSession({ token, user })
      })
      .catch(() => undefined)
  }, [token])

  useEffect(() => {
    if (!session && route.name !== 'login') navigate('/login', { replace: true })
  }, [session, route.name])

  if (!session || route.name === 'login') return <SignInPage />

  if (route.name === 'print' && PrintView) {
    return (
      <Suspense fallback={<div className="page-message">正在加载打印视图…</div>}>
        <PrintView docId={route.id} />
      </Suspense>
    )
  }

  return (
    <div className={route.name === 'editor' ? 'app app-editor' : 'app'}>
      <AppHeader user={session.user} />
      {route.name === 'documents' && <DocumentListPage />}
      {route.name === 'editor' && <EditorPage key={route.id} docId={route.id} session={session} />}
      {route.name === 'adminUsers' && (session.user.admin ? <AdminUsersPage selfUsername={session.user.username} /> : <div className="page-message">仅管理员可访问此页面。</div>)}
      {route.name === 'adminTemplates' && (session.user.admin ? <AdminTemplatesPage /> : <div className="page-message">仅管理员可访问此页面。</div>)}
      {(route.name === 'notFound' || route.name === 'print') && <div className="page-message">页面不存在。</div>}
    </div>
  )
}
