import type { Router } from '../router'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { requireDocument } from '../access'
import { listAudit } from '../../db/workflow'

export function auditRoutes(router: Router, app: AppContext): void {
  router.on('GET', '/api/documents/:id/audit', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const { doc } = requireDocument(app, user, params.id)
    sendJson(res, 200, listAudit(app.db, doc.id))
  })
}
