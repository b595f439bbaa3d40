import { z } from 'zod'
import type { Router } from '../router'
import { readJson } from '../body'
import { sendJson } from '../respond'
import { bearerToken, requireUser, type AppContext } from '../context'
import { authenticate } from '../../db/users'
import { createSession, deleteSession } from '../../db/sessions'
import { HttpError } from '../errors'

const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) })

export function sessionRoutes(router: Router, app: AppContext): void {
  router.on('POST', '/api/login', async ({ req, res }) => {
    const body = await readJson(req, loginBody)
    const user = authenticate(app.db, body.username, body.password)
    if (!user) throw new HttpError(401, '用户名或密码错误')
    sendJson(res, 200, { token: createSession(app.db, user.username), user })
  })

  router.on('POST', '/api/logout', ({ req, res }) => {
    requireUser(app, req)
    deleteSession(app.db, bearerToken(req)!)
    sendJson(res, 200, { ok: true })
  })

  router.on('GET', '/api/me', ({ req, res }) => {
    sendJson(res, 200, { user: requireUser(app, req) })
  })
}
