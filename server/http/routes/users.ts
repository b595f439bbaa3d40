import { z } from 'zod'
import type { Router } from '../router'
import { readJson } from '../body'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { createUser, getAccount, listAccounts, setPassword, updateAccount, usernameTaken, type Account } from '../../db/users'
import { endSessions } from '../../db/sessions'
import { documentsOwnedBy } from '../../db/documents'
import { documentsAwaitingSignoffFrom } from '../../db/workflow'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { log } from '../../log'
import { setRole } from './members'

export const usernameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,32}$/, '用户名只能包含字母、数字、下划线、点和连字符（最多 32 个）')

export const passwordSchema = z.string().min(8, '密码至少 8 个字符').max(1024, '密码最多 1024 个字符')

/** Ends every session of the account but `keep`, and closes their open editors and event streams. */
function signOut(app: AppContext, username: string, keep?: string): void {
  endSessions(app.db, username, keep)
  app.rooms.sessionsEnded(username, keep)
}

/** Sets a new password: every session of the account but `keep` ends. */
export function replacePassword(app: AppContext, username: string, password: string, keep?: string): void {
  setPassword(app.db, username, password)
  signOut(app, username, keep)
}

const createBody = z.object({
  username: usernameSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(1).max(64).optional(),
  admin: z.boolean().optional(),
})

const accountBody = z
  .object({
    displayName: z.string().trim().min(1, '显示名不能为空').max(64).optional(),
    admin: z.boolean().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), '请说明要修改什么')

const handoverBody = z.object({ newOwner: usernameSchema })

function requireAccount(app: AppContext, username: string): Account {
  const account = getAccount(app.db, username)
  if (!account) throw notFound('用户不存在')
  return account
}

export function userRoutes(router: Router, app: AppContext): void {
  router.on('POST', '/api/users', async ({ req, res }) => {
    const caller = requireUser(app, req)
    if (!caller.admin) throw forbidden('只有管理员可以创建账号')
    const body = await readJson(req, createBody)
    const taken = usernameTaken(app.db, body.username)
    if (taken) throw conflict(taken === body.username ? '用户名已存在' : `用户名已存在：${taken}（用户名不区分大小写）`)
    sendJson(res, 201, createUser(app.db, body))
  })

  // For a forgotten or leaked password: every session of the account ends, its editors close.
  router.on('PUT', '/api/users/:username/password', async ({ req, res, params }) => {
    const caller = requireUser(app, req)
    if (!caller.admin) throw forbidden('只有管理员可以重置密码')
    const body = await readJson(req, z.object({ password: passwordSchema }))
    requireAccount(app, params.username)
    replacePassword(app, params.username, body.password)
    sendJson(res, 200, { ok: true })
  })

  // Someone who leaves the office is disabled rather than deleted: their name stays on what they
  // wrote, commented and signed. Disabling signs them out everywhere at once.
  router.on('PATCH', '/api/users/:username', async ({ req, res, params }) => {
    const caller = requireUser(app, req)
    if (!caller.admin) throw forbidden('只有管理员可以修改账号')
    const body = await readJson(req, accountBody)
    const account = requireAccount(app, params.username)
    // So that there is always an administrator left who can sign in.
    if (account.username === caller.username && body.disabled) throw conflict('不能停用自己的账号')
    if (account.username === caller.username && body.admin === false) throw conflict('不能取消自己的管理员身份')
    if (body.disabled && !account.disabled) {
      const orphaned = documentsOwnedBy(app.db, account.username).filter((doc) => doc.soleOwner)
      if (orphaned.length > 0) {
        throw conflict(`${account.displayName}是 ${orphaned.length} 份文档的唯一所有者，请先移交文档`, { documents: orphaned.map(({ id, title }) => ({ id, title })) })
      }
      // A signer who cannot sign in would keep the locked version from ever being signed; as with
      // removing them from the members, the owner unlocks and names another signer first.
      const awaitingSignoff = documentsAwaitingSignoffFrom(app.db, account.username)
      if (awaitingSignoff.length > 0) {
        const titles = awaitingSignoff.map((doc) => `《${doc.title}》`).join('')
        throw conflict(`${account.displayName}是${titles}的签发人，尚未签发，文档锁定期间不能停用其账号；请先由所有者解锁并更换签发人。`, { awaitingSignoff })
      }
    }
    updateAccount(app.db, account.username, body)
    if (body.disabled) signOut(app, account.username)
    log.info('account changed', { username: account.username, by: caller.username, changes: Object.keys(body) })
    sendJson(res, 200, { user: getAccount(app.db, account.username) })
  })

  // 移交文档: the new owner becomes an owner of every document the account owns, so that its
  // documents can still be managed once it is disabled. The account keeps its own role.
  router.on('POST', '/api/users/:username/handover', async ({ req, res, params }) => {
    const caller = requireUser(app, req)
    if (!caller.admin) throw forbidden('只有管理员可以移交文档')
    const { newOwner } = await readJson(req, handoverBody)
    const account = requireAccount(app, params.username)
    const heir = getAccount(app.db, newOwner)
    if (!heir) throw badRequest('接手人不存在')
    if (heir.disabled) throw badRequest('接手人的账号已停用')
    if (heir.username === account.username) throw badRequest('接手人不能是本人')
    const owned = new Set(documentsOwnedBy(app.db, heir.username).map((doc) => doc.id))
    const documents = documentsOwnedBy(app.db, account.username).filter((doc) => !owned.has(doc.id))
    for (const doc of documents) setRole(app, doc.id, heir.username, 'owner', caller.username, account.username)
    log.info('documents handed over', { from: account.username, to: heir.username, by: caller.username, documents: documents.length })
    sendJson(res, 200, { documents: documents.map(({ id, title }) => ({ id, title })) })
  })

  // Everyone may list the accounts (to choose members); `disabled` ones are shown, not offered.
  router.on('GET', '/api/users', ({ req, res }) => {
    requireUser(app, req)
    sendJson(res, 200, listAccounts(app.db))
  })
}
