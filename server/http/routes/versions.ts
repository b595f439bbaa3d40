import { z } from 'zod'
import type { Router } from '../router'
import { readJson } from '../body'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { requireDocument } from '../access'
import { HttpError, badRequest, conflict, forbidden, notFound } from '../errors'
import type { DocumentRecord, Role } from '../../db/documents'
import type { User } from '../../db/users'
import { recordAudit } from '../../db/workflow'
import { getVersion, listVersions, recordVersion, versionContent } from '../../db/versions'
import type { Comparison, Version } from '../../../shared/api/versions'
import { applyServerChange } from '../../collab/serverChange'
import { currentContent } from './content'
import { buildOutline } from '../../../shared/outline'
import { compareDocuments } from '../../../shared/compare'
import { contentHash } from '../../../shared/contentHash'
import type { DocJSON } from '../../../shared/docJson'

const namedBody = z.object({
  name: z.string().trim().min(1, '请填写版本名称').max(100, '版本名称最多100个字'),
})

const versionId = z.string().regex(/^[1-9]\d{0,14}$/).transform(Number)
const compareSide = z.union([z.literal('current'), versionId])
const compareQuery = z.object({ from: compareSide, to: compareSide })

function requireWriter(role: Role, message: string): void {
  if (role !== 'owner' && role !== 'editor') throw forbidden(message)
}

/** A version of this document: an unknown id, or another document's version, is 404. */
function requireVersion(app: AppContext, doc: DocumentRecord, id: number | undefined): { version: Version; content: DocJSON } {
  const version = id === undefined ? undefined : getVersion(app.db, doc.id, id)
  const content = version ? versionContent(app.db, doc.id, version.id) : undefined
  if (!version || !content) throw notFound('版本不存在')
  return { version, content }
}

/** The path's version id; one that cannot be an id names no version. */
const pathVersion = (raw: string): number | undefined => versionId.safeParse(raw).data

function side(app: AppContext, doc: DocumentRecord, value: 'current' | number): { version: Version | null; content: DocJSON } {
  if (value === 'current') return { version: null, content: currentContent(app, doc.id) }
  return requireVersion(app, doc, value)
}

export function versionRoutes(router: Router, app: AppContext): void {
  router.on('GET', '/api/documents/:id/versions', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const { doc } = requireDocument(app, user, params.id)
    sendJson(res, 200, { versions: listVersions(app.db, doc.id) })
  })

  router.on('POST', '/api/documents/:id/versions', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    requireWriter(requireDocument(app, user, params.id).role, '只有所有者或编辑者可以保存版本')
    const body = await readJson(req, namedBody)
    // Re-checked after reading the body: the role may have changed meanwhile.
    const { doc, role } = requireDocument(app, user, params.id)
    requireWriter(role, '只有所有者或编辑者可以保存版本')
    const content = currentContent(app, doc.id)
    const hash = contentHash(content)
    const id = app.db.transaction(() => {
      const created = recordVersion(app.db, doc.id, { kind: 'named', name: body.name, username: user.username, hash, content })
      recordAudit(app.db, doc.id, { action: 'version', username: user.username, hash, detail: { version: created, name: body.name } })
      return created
    })()
    app.events.publish(doc.id, 'versions')
    sendJson(res, 201, { version: getVersion(app.db, doc.id, id) })
  })

  router.on('GET', '/api/documents/:id/versions/:versionId', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const { doc } = requireDocument(app, user, params.id)
    const { version, content } = requireVersion(app, doc, pathVersion(params.versionId))
    sendJson(res, 200, { version, content, outline: buildOutline(content) })
  })

  router.on('GET', '/api/documents/:id/compare', ({ req, res, url, params }) => {
    const user = requireUser(app, req)
    const { doc } = requireDocument(app, user, params.id)
    const query = compareQuery.safeParse({ from: url.searchParams.get('from') ?? undefined, to: url.searchParams.get('to') ?? undefined })
    if (!query.success) throw badRequest('比较的起点和终点（from、to）必须是版本编号或 current（当前内容）')
    const from = side(app, doc, query.data.from)
    const to = side(app, doc, query.data.to)
    const comparison: Comparison = { from: from.version, to: to.version, sections: compareDocuments(from.content, to.content) }
    sendJson(res, 200, comparison)
  })

  router.on('POST', '/api/documents/:id/versions/:versionId/restore', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const { doc, role } = requireDocument(app, user, params.id)
    requireWriter(role, '只有所有者或编辑者可以恢复版本')
    const { version, content } = requireVersion(app, doc, pathVersion(params.versionId))
    if (doc.status !== 'draft') throw conflict('只有草稿状态的文档可以恢复版本')
    const restored = restore(app, doc, user, version, content)
    app.events.publish(doc.id, 'versions')
    sendJson(res, 200, { version: restored })
  })
}

/** The name of the version a restore keeps of the text it replaces. */
const BEFORE_RESTORE = '恢复前的内容'

/**
 * Makes the live document equal to `content` and records the result as a 'restore' version.
 * The text it replaces is kept first as a named version, unless a version holds it already: the
 * work since the last version would otherwise be gone (an undo in the editor does not reach a
 * change the server made). Everything here is synchronous: no collab update can land between
 * reading the text, applying the old content and recording what the document became.
 */
function restore(app: AppContext, doc: DocumentRecord, user: User, from: Version, content: DocJSON): Version | undefined {
  const replaced = currentContent(app, doc.id)
  const replacedHash = contentHash(replaced)
  if (!listVersions(app.db, doc.id).some((version) => version.hash === replacedHash)) {
    recordVersion(app.db, doc.id, { kind: 'named', name: BEFORE_RESTORE, username: user.username, hash: replacedHash, content: replaced })
  }
  const applied = applyServerChange(app.rooms, doc.id, content)
  if (!applied.ok && applied.reason === 'not-found') throw notFound('文档不存在')
  if (!applied.ok) throw new HttpError(500, '恢复版本失败，请稍后重试')
  const hash = contentHash(applied.content)
  const id = app.db.transaction(() => {
    const created = recordVersion(app.db, doc.id, { kind: 'restore', username: user.username, hash, content: applied.content })
    recordAudit(app.db, doc.id, { action: 'restore', username: user.username, hash, detail: { from: from.id, version: created } })
    return created
  })()
  return getVersion(app.db, doc.id, id)
}
