import type { IncomingMessage, ServerResponse } from 'node:http'
import { Router } from './router'
import { HttpError } from './errors'
import { sendJson } from './respond'
import { serveStatic } from './static'
import type { AppContext } from './context'
import { sessionRoutes } from './routes/session'
import { userRoutes } from './routes/users'
import { documentRoutes } from './routes/documents'
import { documentCopyRoutes } from './routes/documentCopy'
import { memberRoutes } from './routes/members'
import { contentRoutes } from './routes/content'
import { exportRoutes } from './routes/export'
import { workflowRoutes } from './routes/workflow'
import { auditRoutes } from './routes/audit'
import { eventRoutes } from './routes/events'
import { versionRoutes } from './routes/versions'
import { commentRoutes } from './routes/comments'
import { assignmentRoutes } from './routes/assignments'
import { templateRoutes } from './routes/templates'
import { log } from '../log'

/** Builds the request handler: API routes, then the static client. */
export function createRequestHandler(app: AppContext): (req: IncomingMessage, res: ServerResponse) => void {
  const router = new Router()
  router.on('GET', '/healthz', ({ res }) => sendJson(res, 200, { ok: true }))
  sessionRoutes(router, app)
  userRoutes(router, app)
  documentRoutes(router, app)
  documentCopyRoutes(router, app)
  memberRoutes(router, app)
  contentRoutes(router, app)
  exportRoutes(router, app)
  workflowRoutes(router, app)
  auditRoutes(router, app)
  eventRoutes(router, app)
  versionRoutes(router, app)
  commentRoutes(router, app)
  assignmentRoutes(router, app)
  templateRoutes(router, app)

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    void (async () => {
      try {
        if (await router.handle(req, res, url)) return
        if (url.pathname.startsWith('/api/') || url.pathname === '/api') throw new HttpError(404, '接口不存在')
        serveStatic(app.config.staticDir, req, res, url)
      } catch (error) {
        if (res.headersSent) {
          res.destroy()
          return
        }
        if (error instanceof HttpError) {
          sendJson(res, error.status, { error: error.message, ...error.extra })
          // The rest of an oversized body is not read; close so the client is not left waiting.
          if (error.status === 413) res.once('finish', () => req.destroy())
          return
        }
        log.error('request failed', { method: req.method, path: url.pathname, error })
        sendJson(res, 500, { error: '服务器内部错误' })
      }
    })()
  }
}
