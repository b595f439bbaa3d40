import { useSyncExternalStore } from 'react'

/**
 * A tiny hash router: routes live after `#` so that a reload of any page works whatever
 * the server does with unknown paths. `/documents/x` and `/#/documents/x` both resolve.
 */
function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '')
  if (hash.startsWith('/')) return hash
  return window.location.pathname || '/'
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener)
  window.addEventListener('popstate', listener)
  return () => {
    window.removeEventListener('hashchange', listener)
    window.removeEventListener('popstate', listener)
  }
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath)
}

export function navigate(path: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', href(path))
  else window.history.pushState(null, '', href(path))
  window.dispatchEvent(new PopStateEvent('popstate'))
}

export function href(path: string): string {
  return `/#${path}`
}

export type Route =
  | { name: 'login' }
  | { name: 'documents' }
  | { name: 'editor'; id: string }
  | { name: 'print'; id: string }
  | { name: 'adminUsers' }
  | { name: 'adminTemplates' }
  | { name: 'notFound' }

export function matchRoute(path: string): Route {
  if (path === '/login') return { name: 'login' }
  if (path === '/' || path === '' || path === '/index.html') return { name: 'documents' }
  if (path === '/admin/users') return { name: 'adminUsers' }
  if (path === '/admin/templates') return { name: 'adminTemplates' }
  let match = /^\/documents\/([^/]+)\/print\/?$/.exec(path)
  if (match) return { name: 'print', id: decodeURIComponent(match[1]) }
  match = /^\/documents\/([^/]+)\/?$/.exec(path)
  if (match) return { name: 'editor', id: decodeURIComponent(match[1]) }
  return { name: 'notFound' }
}
