import { Suspense, useEffect } from 'react'
import { onUnauthorized } from './api/client'
import { clearSession, useSession } from './auth/session'
import { matchRoute, navigate, usePath } from './router'
import { SignInPage } from './pages/SignInPage'
import { DocumentListPage } from './pages/DocumentListPage'
import { EditorPage } from './pages/EditorPage'
import { AdminUsersPage } from './pages/AdminUsersPage'
import { AppHeader } from './components/AppHeader'
import { PrintView } from './printView'


export function App() {
  const session = useSession()
  const path = usePath()
  const route = matchRoute(path)

  useEffect(
    () =>
      onUnauthorized(() => {
        clearSession()
        navigate('/login', { replace: true })
      }),
    [],
  )

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
    <div className="app">
      <AppHeader user={session.user} />
      {route.name === 'documents' && <DocumentListPage />}
      {route.name === 'editor' && <EditorPage key={route.id} docId={route.id} session={session} />}
      {route.name === 'adminUsers' && (session.user.admin ? <AdminUsersPage /> : <div className="page-message">仅管理员可访问此页面。</div>)}
      {(route.name === 'notFound' || route.name === 'print') && <div className="page-message">页面不存在。</div>}
    </div>
  )
}
