import { z } from 'zod'
import type { Router } from '../router'
import { readJson } from '../body'
import { sendJson } from '../respond'
import { bearerToken, requireUser, type AppContext } from '../context'
import { authenticate } from '../../db/users'
import { createSession, deleteSession } from '../../db/sessions'
import { HttpError } from '../errors'
import { LoginLimiter } from '../loginLimiter'

const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) })

export function sessionRoutes(router: Router, app: AppContext): void {
  const limiter = new LoginLimiter(app.config)

  router.on('POST', '/api/login', async ({ req, res }) => {
    const body = await readJson(req, loginBody)
    const address = req.socket.remoteAddress ?? 'unknown'
    // Refused before the password is even checked: a blocked guesser learns nothing more.
    if (limiter.blocked(body.username, address)) throw new HttpError(429, '登录尝试次数过多，请稍后再试')
    const user = authenticate(app.db, body.username, body.password)
    if (!user) {
      limiter.failed(body.username, address)
      throw new HttpError(401, '用户名或密码错误')
    }
    limiter.succeeded(user.username)
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
