import { z } from 'zod'
import type { Router } from '../router'
import { readJson } from '../body'
import { sendJson } from '../respond'
import { bearerToken, requireUser, type AppContext } from '../context'
import { authenticate } from '../../db/users'
import { createSession, deleteSession, sessionId } from '../../db/sessions'
import { HttpError, badRequest, forbidden } from '../errors'
import { LoginLimiter } from '../loginLimiter'
import { passwordSchema, replacePassword } from './users'

const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) })
const passwordBody = z.object({ current: z.string().min(1, '请填写当前密码').max(1024), password: passwordSchema })

const minutesOf = (ms: number) => Math.max(1, Math.ceil(ms / 60_000))

export function sessionRoutes(router: Router, app: AppContext): void {
  const limiter = new LoginLimiter(app.config)

  router.on('POST', '/api/login', async ({ req, res }) => {
    const body = await readJson(req, loginBody)
    const address = req.socket.remoteAddress ?? 'unknown'
    // Refused before the password is even checked: a blocked guesser learns nothing more.
    const wait = limiter.blockedFor(body.username, address)
    if (wait > 0) throw new HttpError(429, `登录尝试次数过多，请 ${minutesOf(wait)} 分钟后再试`)
    const user = authenticate(app.db, body.username, body.password)
    if (!user) {
      limiter.failed(body.username, address)
      throw new HttpError(401, '用户名或密码错误')
    }
    limiter.succeeded(user.username)
    // Said only to someone who knows the password: anyone else learns nothing about the account.
    if (user.disabled) throw forbidden('该账号已停用，请联系管理员')
    const { disabled: _, ...signedIn } = user
    sendJson(res, 200, { token: createSession(app.db, user.username), user: signedIn })
  })

  router.on('POST', '/api/logout', ({ req, res }) => {
    requireUser(app, req)
    deleteSession(app.db, bearerToken(req)!)
    sendJson(res, 200, { ok: true })
  })

  // A new password ends every other session of the account, with its open editors.
  router.on('POST', '/api/me/password', async ({ req, res }) => {
    const user = requireUser(app, req)
    const body = await readJson(req, passwordBody)
    const address = req.socket.remoteAddress ?? 'unknown'
    // Counted as logins: a stolen session must not guess the password here either.
    const wait = limiter.blockedFor(user.username, address)
    if (wait > 0) throw new HttpError(429, `尝试次数过多，请 ${minutesOf(wait)} 分钟后再试`)
    if (!authenticate(app.db, user.username, body.current)) {
      limiter.failed(user.username, address)
      throw badRequest('当前密码不正确')
    }
    limiter.succeeded(user.username)
    replacePassword(app, user.username, body.password, sessionId(bearerToken(req)!))
    sendJson(res, 200, { ok: true })
  })

  router.on('GET', '/api/me', ({ req, res }) => {
    sendJson(res, 200, { user: requireUser(app, req) })
  })
}
