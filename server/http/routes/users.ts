import { z } from 'zod'
import type { Router } from '../router'
import { readJson } from '../body'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { createUser, getUser, listUsers, setPassword } from '../../db/users'
import { endSessions } from '../../db/sessions'
import { conflict, forbidden, notFound } from '../errors'

export const usernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,32}$/, '用户名只能包含字母、数字、下划线、点和连字符（最多 32 个）')

export const passwordSchema = z.string().min(8, '密码至少 8 个字符').max(1024, '密码最多 1024 个字符')

/** Sets a new password: every session of the account but `keep` ends, and its open editors close. */
export function replacePassword(app: AppContext, username: string, password: string, keep?: string): void {
  setPassword(app.db, username, password)
  endSessions(app.db, username, keep)
  app.rooms.sessionsEnded(username, keep)
}

const createBody = z.object({
  username: usernameSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(1).max(64).optional(),
  admin: z.boolean().optional(),
})

export function userRoutes(router: Router, app: AppContext): void {
  router.on('POST', '/api/users', async ({ req, res }) => {
    const caller = requireUser(app, req)
    if (!caller.admin) throw forbidden('只有管理员可以创建账号')
    const body = await readJson(req, createBody)
    if (getUser(app.db, body.username)) throw conflict('用户名已存在')
    sendJson(res, 201, createUser(app.db, body))
  })

  // For a forgotten or leaked password: every session of the account ends, its editors close.
  router.on('PUT', '/api/users/:username/password', async ({ req, res, params }) => {
    const caller = requireUser(app, req)
    if (!caller.admin) throw forbidden('只有管理员可以重置密码')
    const body = await readJson(req, z.object({ password: passwordSchema }))
    if (!getUser(app.db, params.username)) throw notFound('用户不存在')
    replacePassword(app, params.username, body.password)
    sendJson(res, 200, { ok: true })
  })

  router.on('GET', '/api/users', ({ req, res }) => {
    requireUser(app, req)
    sendJson(res, 200, listUsers(app.db))
  })
}
