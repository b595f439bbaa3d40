import type { Router } from '../router'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { listTemplates } from '../../templates/catalogue'

export function templateRoutes(router: Router, app: AppContext): void {
  router.on('GET', '/api/templates', ({ req, res }) => {
    requireUser(app, req)
    sendJson(res, 200, { templates: listTemplates() })
  })
}
