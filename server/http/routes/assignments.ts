import { z } from 'zod'
import type { Router } from '../router'
import { readJson } from '../body'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { requireDocument, requireOwner } from '../access'
import { badRequest, conflict } from '../errors'
import { currentSectionIds } from '../sectionIds'
import { getRole } from '../../db/documents'
import { activeUser } from '../../db/users'
import { deleteAssignment, getAssignment, listAssignments, setAssignment } from '../../db/assignments'

const assignBody = z.object({ username: z.string().trim().min(1).max(64) })

export function assignmentRoutes(router: Router, app: AppContext): void {
  router.on('GET', '/api/documents/:id/assignments', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const { doc } = requireDocument(app, user, params.id)
    sendJson(res, 200, { assignments: listAssignments(app.db, doc.id) })
  })

  router.on('PUT', '/api/documents/:id/assignments/:sectionId', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    requireOwner(app, user, params.id)
    const { username } = await readJson(req, assignBody)
    // Re-checked after reading the body: the role or status may have changed meanwhile.
    const doc = requireOwner(app, user, params.id)
    // Who writes which section no longer matters once the text is frozen.
    if (doc.status === 'locked' || doc.status === 'signed') throw conflict('文档已定稿，不能分配章节')
    if (!currentSectionIds(app, doc.id).has(params.sectionId)) throw badRequest('该章节不存在')
    const role = getRole(app.db, doc.id, username)
    if (role !== 'owner' && role !== 'editor') throw badRequest('只能分配给所有者或编辑者')
    if (!activeUser(app.db, username)) throw badRequest('该成员的账号已停用')
    setAssignment(app.db, doc.id, params.sectionId, username, user.username, new Date().toISOString())
    app.events.publish(doc.id, 'assignments')
    sendJson(res, 200, { assignment: getAssignment(app.db, doc.id, params.sectionId) })
  })

  router.on('DELETE', '/api/documents/:id/assignments/:sectionId', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const doc = requireOwner(app, user, params.id)
    if (deleteAssignment(app.db, doc.id, params.sectionId)) app.events.publish(doc.id, 'assignments')
    sendJson(res, 200, { ok: true })
  })
}
