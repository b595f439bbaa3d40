import type { Router } from '../router'
import { SECURITY_HEADERS } from '../respond'
import { bearerToken, type AppContext } from '../context'
import { requireDocument } from '../access'
import { HttpError, unauthorized } from '../errors'
import { userForToken } from '../../db/sessions'
import { getRole } from '../../db/documents'

/** Comment lines keep proxies and the browser from timing out an idle stream. */
const HEARTBEAT_MS = 25_000

export function eventRoutes(router: Router, app: AppContext): void {
  // Each stream holds a socket: cap them per account like the collab connections.
  const streamsPerUser = new Map<string, number>()

  /**
   * Server-sent events of one document: `data: {"kind": "status"|"members"|…}` whenever that part
   * changes. EventSource cannot send headers, so the token may also come as `?token=`.
   */
  router.on('GET', '/api/documents/:id/events', ({ req, res, url, params }) => {
    const token = bearerToken(req) ?? url.searchParams.get('token') ?? undefined
    const user = userForToken(app.db, token)
    if (!user) throw unauthorized()
    const { doc } = requireDocument(app, user, params.id)
    const open = streamsPerUser.get(user.username) ?? 0
    if (open >= app.config.maxConnectionsPerUser) throw new HttpError(429, '打开的连接过多，请关闭一些页面后重试')
    streamsPerUser.set(user.username, open + 1)
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    res.write('retry: 2000\n\n')
    // A session ended meanwhile (logout, a new password, a reset) hears nothing more.
    const sessionEnded = () => {
      if (userForToken(app.db, token)) return false
      res.end()
      return true
    }
    const unsubscribe = app.events.subscribe(doc.id, (kind) => {
      if (sessionEnded()) return
      // A member who was removed stops hearing about the document at once.
      if (kind === 'members' && !getRole(app.db, doc.id, user.username)) {
        res.write(`data: ${JSON.stringify({ kind })}\n\n`)
        res.end()
        return
      }
      res.write(`data: ${JSON.stringify({ kind })}\n\n`)
    })
    const heartbeat = setInterval(() => sessionEnded() || res.write(': \n\n'), HEARTBEAT_MS)
    let stopped = false
    const stop = () => {
      if (stopped) return
      stopped = true
      clearInterval(heartbeat)
      unsubscribe()
      const left = (streamsPerUser.get(user.username) ?? 1) - 1
      if (left > 0) streamsPerUser.set(user.username, left)
      else streamsPerUser.delete(user.username)
    }
    res.on('close', stop)
    res.on('error', stop)
  })
}
