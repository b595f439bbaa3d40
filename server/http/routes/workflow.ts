import { z } from 'zod'
import type { Router } from '../router'
import { readJson } from '../body'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { requireDocument, requireOwner } from '../access'
import { badRequest, conflict, forbidden } from '../errors'
import { getRole, setStatus } from '../../db/documents'
import { activeUser } from '../../db/users'
import { addSignoff, clearLock, listSignoffs, listSigners, lockedHash, recordAudit, setLock } from '../../db/workflow'
import { contentWithHash, recordVersion } from '../../db/versions'
import { contentHash } from '../../../shared/contentHash'
import { CloseCodes } from '../../../shared/closeCodes'
import { currentContent, importCorrections } from './content'

// 签发意见: optional, as a leader writes 同意。 on the 发文稿纸.
const signoffBody = z.object({ opinion: z.string().trim().max(200, '签发意见最多 200 个字').optional() })
const lockBody = z.object({
  signers: z.array(z.string().trim().min(1).max(64)).min(1).max(50),
})

const unlockBody = z.object({
  reason: z.string().trim().min(1).max(500),
})

const STATUS_NAMES: Record<string, string> = { draft: '草稿', review: '审核', locked: '定稿', signed: '已签发' }
const wrongStatus = (status: string) => conflict(`文档当前状态（${STATUS_NAMES[status] ?? status}）不允许此操作`)

export function workflowRoutes(router: Router, app: AppContext): void {
  router.on('POST', '/api/documents/:id/submit', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    const { doc, role } = requireDocument(app, user, params.id)
    if (role !== 'owner' && role !== 'editor') throw forbidden('只有所有者或编辑者可以提交审核')
    if (doc.status !== 'draft') throw wrongStatus(doc.status)
    const { preSubmissionCheck } = await import('../../../shared/check/index')
    // Re-read after the await: the status or content may have changed meanwhile.
    const { doc: fresh } = requireDocument(app, user, params.id)
    if (fresh.status !== 'draft') throw wrongStatus(fresh.status)
    const content = currentContent(app, doc.id)
    const check = preSubmissionCheck(content, { importCorrections: importCorrections(fresh.importReport) })
    if (!check.ready) throw conflict('文档尚未通过提交前检查，请先处理检查中的问题', { check })
    const hash = contentHash(content)
    app.db.transaction(() => {
      setStatus(app.db, doc.id, 'review')
      recordAudit(app.db, doc.id, { action: 'submit', username: user.username, hash })
      recordVersion(app.db, doc.id, { kind: 'submit', username: user.username, hash, content })
    })()
    app.events.publish(doc.id, 'status')
    app.events.publish(doc.id, 'versions')
    sendJson(res, 200, { id: doc.id, status: 'review' })
  })

  router.on('POST', '/api/documents/:id/reopen', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const doc = requireOwner(app, user, params.id)
    if (doc.status !== 'review') throw wrongStatus(doc.status)
    const hash = contentHash(currentContent(app, doc.id))
    app.db.transaction(() => {
      setStatus(app.db, doc.id, 'draft')
      recordAudit(app.db, doc.id, { action: 'reopen', username: user.username, hash })
    })()
    app.events.publish(doc.id, 'status')
    sendJson(res, 200, { id: doc.id, status: 'draft' })
  })

  router.on('POST', '/api/documents/:id/lock', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    requireOwner(app, user, params.id)
    const body = await readJson(req, lockBody)
    // Everything from here on is synchronous: no collab update can be applied between
    // reading the content, hashing it and freezing the document.
    const doc = requireOwner(app, user, params.id)
    if (doc.status !== 'review') throw wrongStatus(doc.status)
    const signers = [...new Set(body.signers)]
    const outsiders = signers.filter((username) => !getRole(app.db, doc.id, username))
    if (outsiders.length > 0) throw badRequest(`签发人必须是文档成员：${outsiders.join('、')}`)
    // Otherwise the locked version could never be fully signed.
    const departed = signers.filter((username) => !activeUser(app.db, username))
    if (departed.length > 0) throw badRequest(`签发人的账号已停用：${departed.join('、')}`)
    const content = currentContent(app, doc.id)
    const hash = contentHash(content)
    const at = new Date().toISOString()
    app.db.transaction(() => {
      setStatus(app.db, doc.id, 'locked')
      setLock(app.db, doc.id, hash, signers, at)
      recordAudit(app.db, doc.id, { action: 'lock', username: user.username, hash, at, detail: { signers } })
      recordVersion(app.db, doc.id, { kind: 'lock', username: user.username, hash, at, content })
    })()
    // The room reads the status again after this write (setStatus counts it), so it is frozen now;
    // open clients are told to drop any local changes and resync to the locked content.
    app.rooms.closeDocument(doc.id, CloseCodes.DocumentLocked.code, CloseCodes.DocumentLocked.reason)
    app.events.publish(doc.id, 'status')
    app.events.publish(doc.id, 'versions')
    sendJson(res, 200, { id: doc.id, status: 'locked', hash, signers })
  })

  router.on('POST', '/api/documents/:id/signoff', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    requireDocument(app, user, params.id)
    const { opinion } = await readJson(req, signoffBody)
    // Re-read after the body: the document may have been unlocked meanwhile.
    const { doc } = requireDocument(app, user, params.id)
    if (doc.status !== 'locked') throw wrongStatus(doc.status)
    const signers = listSigners(app.db, doc.id)
    if (!signers.includes(user.username)) throw forbidden('您不是该文档的签发人')
    const hash = lockedHash(app.db, doc.id)
    if (!hash) throw wrongStatus(doc.status)
    if (listSignoffs(app.db, doc.id).some((s) => s.username === user.username)) throw conflict('您已签发该文档')
    // The signed content is the locked one, kept by the lock's version; the live content (frozen,
    // so equal) is read only for a document locked before versions existed.
    const content = contentWithHash(app.db, doc.id, hash) ?? currentContent(app, doc.id)
    const at = new Date().toISOString()
    let status: 'locked' | 'signed' = 'locked'
    app.db.transaction(() => {
      addSignoff(app.db, doc.id, { username: user.username, at, hash, opinion })
      recordAudit(app.db, doc.id, { action: 'signoff', username: user.username, hash, at, ...(opinion ? { detail: { opinion } } : {}) })
      recordVersion(app.db, doc.id, { kind: 'signoff', username: user.username, hash, at, content })
      const signed = new Set(listSignoffs(app.db, doc.id).map((s) => s.username))
      if (signers.every((username) => signed.has(username))) {
        setStatus(app.db, doc.id, 'signed')
        status = 'signed'
      }
    })()
    app.events.publish(doc.id, 'status')
    app.events.publish(doc.id, 'versions')
    sendJson(res, 200, { id: doc.id, status, hash, signoffs: listSignoffs(app.db, doc.id) })
  })

  router.on('POST', '/api/documents/:id/unlock', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    requireOwner(app, user, params.id)
    const body = await readJson(req, unlockBody)
    const doc = requireOwner(app, user, params.id)
    if (doc.status !== 'locked' && doc.status !== 'signed') throw wrongStatus(doc.status)
    const content = currentContent(app, doc.id)
    const hash = contentHash(content)
    app.db.transaction(() => {
      clearLock(app.db, doc.id)
      setStatus(app.db, doc.id, 'draft')
      recordAudit(app.db, doc.id, { action: 'unlock', username: user.username, hash, detail: { reason: body.reason } })
      recordVersion(app.db, doc.id, { kind: 'unlock', username: user.username, hash, content })
    })()
    app.events.publish(doc.id, 'status')
    app.events.publish(doc.id, 'versions')
    sendJson(res, 200, { id: doc.id, status: 'draft' })
  })
}
