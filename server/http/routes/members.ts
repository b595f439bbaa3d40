import { z } from 'zod'
import { listSigners, recordAudit } from '../../db/workflow'
import { contentHash } from '../../../shared/contentHash'
import { currentContent } from './content'
import type { Router } from '../router'
import { readJson } from '../body'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { requireOwner } from '../access'
import { badRequest, conflict, notFound } from '../errors'
import { ROLES, countOwners, getRole, listMembers, removeMember, setMember, type Role } from '../../db/documents'
import { getAccount } from '../../db/users'
import { deleteAssignmentsOf } from '../../db/assignments'

const roleBody = z.object({ role: z.enum(ROLES) })
const WRITING_ROLES = new Set<string>(['owner', 'editor'])

function memberAudit(app: AppContext, documentId: string, username: string, detail: { member: string; role: string | null; handedOverFrom?: string }): void {
  recordAudit(app.db, documentId, { action: 'member', username, hash: contentHash(currentContent(app, documentId)), detail })
}

/**
 * Gives `username` the role, as `by` (the owner, or an administrator handing over the documents
 * of `handedOverFrom`), recorded in the audit and seen at once by open editors and event streams.
 */
export function setRole(app: AppContext, documentId: string, username: string, role: Role, by: string, handedOverFrom?: string): void {
  // A section stays assigned only to someone who can still write it.
  const unassigned = app.db.transaction(() => {
    setMember(app.db, documentId, username, role)
    return WRITING_ROLES.has(role) ? 0 : deleteAssignmentsOf(app.db, documentId, username)
  })()
  memberAudit(app, documentId, by, { member: username, role, ...(handedOverFrom ? { handedOverFrom } : {}) })
  app.rooms.membershipChanged(documentId, username)
  app.events.publish(documentId, 'members')
  if (unassigned > 0) app.events.publish(documentId, 'assignments')
}

export function memberRoutes(router: Router, app: AppContext): void {
  router.on('PUT', '/api/documents/:id/members/:username', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    const doc = requireOwner(app, user, params.id)
    const { role } = await readJson(req, roleBody)
    const account = getAccount(app.db, params.username)
    if (!account) throw notFound('用户不存在')
    // Someone who has left keeps the role they had, until removed; they are given none.
    if (account.disabled) throw badRequest(`${account.displayName}（${account.username}）的账号已停用`)
    const current = getRole(app.db, doc.id, params.username)
    if (current === 'owner' && role !== 'owner' && countOwners(app.db, doc.id) <= 1) {
      throw conflict('文档至少需要一位所有者')
    }
    setRole(app, doc.id, params.username, role, user.username)
    sendJson(res, 200, { members: listMembers(app.db, doc.id) })
  })

  router.on('DELETE', '/api/documents/:id/members/:username', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const doc = requireOwner(app, user, params.id)
    const current = getRole(app.db, doc.id, params.username)
    if (!current) throw notFound('该用户不是文档成员')
    if (current === 'owner' && countOwners(app.db, doc.id) <= 1) throw conflict('文档至少需要一位所有者')
    // Otherwise the locked version could never be fully signed.
    if (listSigners(app.db, doc.id).includes(params.username)) throw conflict('该成员是签发人，解除锁定后才能移除')
    const unassigned = app.db.transaction(() => {
      removeMember(app.db, doc.id, params.username)
      return deleteAssignmentsOf(app.db, doc.id, params.username)
    })()
    memberAudit(app, doc.id, user.username, { member: params.username, role: null })
    app.rooms.membershipChanged(doc.id, params.username)
    app.events.publish(doc.id, 'members')
    if (unassigned > 0) app.events.publish(doc.id, 'assignments')
    sendJson(res, 200, { members: listMembers(app.db, doc.id) })
  })
}
