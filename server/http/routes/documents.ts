import path from 'node:path'
import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import type { Router } from '../router'
import { readJson } from '../body'
import { readUpload } from '../upload'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { requireDocument, requireOwner } from '../access'
import { badRequest, conflict } from '../errors'
import { deleteDocument, listDocumentsFor, listMembers } from '../../db/documents'
import { importText } from '../../../shared/import/importText'
import { importSummary, type ImportReport } from '../../../shared/import/importReport'
import type { DocJSON } from '../../../shared/docJson'
import { seedDocument, titleText } from '../../seedDocument'
import { decodeText, textFileProblem, unsupportedFileMessage } from '../../decodeText'
import { listSignoffs, listSigners, lockedHash } from '../../db/workflow'
import { contentFromTemplate } from '../../templates/catalogue'
import { log } from '../../log'

const createBody = z.object({
  title: z.string().trim().max(200).optional(),
  text: z.string().max(2_000_000).optional(),
  template: z.string().max(64).optional(),
})

interface Draft {
  title: string
  /** Whether the user typed the title (it then replaces the imported title line). */
  titleTyped: boolean
  doc: DocJSON
  report?: ImportReport
}

type Imported = { doc: DocJSON; report: ImportReport }

/**
 * An imported draft, named by the title the user typed if any (which then replaces the draft's own
 * title line: the report says so, with the line it replaced), else by its own title line.
 */
function importedDraft({ doc, report }: Imported, typed: string, fallback = ''): Draft {
  const own = titleText(doc)
  const title = (typed || own || fallback).slice(0, 200)
  if (!title) throw badRequest('请填写标题')
  if (typed && own && typed !== own) {
    report.warnings.push(`标题行已改为您填写的“${typed}”，草稿中原为“${own}”。`)
    report.summary = importSummary(report)
  }
  return { title, titleTyped: Boolean(typed), doc, report }
}

async function importDocxFile(data: Buffer): Promise<Imported> {
  // Loaded on first use: the .docx importer (mammoth) is large and most starts never need it.
  const { importDocx } = await import('../../../shared/import/importDocx')
  try {
    return await importDocx(new Uint8Array(data))
  } catch {
    throw badRequest('无法读取该 .docx 文件')
  }
}

async function readDraft(app: AppContext, req: IncomingMessage): Promise<Draft> {
  const type = req.headers['content-type'] ?? ''
  if (type.startsWith('multipart/form-data')) {
    const upload = await readUpload(req, app.config.maxMessageBytes)
    const ext = path.extname(upload.filename).toLowerCase()
    let imported: Imported
    if (ext === '.txt') {
      const problem = textFileProblem(upload.data)
      if (problem) throw badRequest(problem)
      imported = importText(decodeText(upload.data))
    } else if (ext === '.docx') imported = await importDocxFile(upload.data)
    else throw badRequest(unsupportedFileMessage(ext))
    return importedDraft(imported, (upload.fields.title ?? '').trim().slice(0, 200), path.basename(upload.filename, ext))
  }
  const body = await readJson(req, createBody, app.config.maxMessageBytes)
  if (body.template !== undefined) {
    if (body.text?.trim()) throw badRequest('正文和模板只能选一种')
    const doc = contentFromTemplate(app.db, body.template)
    if (!doc) throw badRequest('没有这个模板')
    // The template's title line is only an example: the document is named by its drafter.
    if (!body.title) throw badRequest('请填写标题')
    return { title: body.title, titleTyped: true, doc }
  }
  if (body.text !== undefined && body.text.trim() !== '') return importedDraft(importText(body.text), body.title ?? '')
  if (!body.title) throw badRequest('请填写标题')
  return { title: body.title, titleTyped: true, doc: { type: 'doc', content: [{ type: 'title', content: [] }, { type: 'paragraph' }] } }
}

function awaitsSignoff(app: AppContext, documentId: string, username: string): boolean {
  return listSigners(app.db, documentId).includes(username) && !listSignoffs(app.db, documentId).some((s) => s.username === username)
}

export function documentRoutes(router: Router, app: AppContext): void {
  router.on('POST', '/api/documents', async ({ req, res }) => {
    const user = requireUser(app, req)
    const draft = await readDraft(app, req)
    const record = seedDocument(app.db, { title: draft.title, doc: draft.doc, report: draft.report, owner: user.username, titleTyped: draft.titleTyped })
    sendJson(res, 201, {
      id: record.id,
      title: record.title,
      status: record.status,
      ...(draft.report ? { import: draft.report } : {}),
    })
  })

  router.on('GET', '/api/documents', ({ req, res }) => {
    const user = requireUser(app, req)
    sendJson(
      res,
      200,
      listDocumentsFor(app.db, user.username).map((doc) => ({
        id: doc.id,
        // An open document's title line as edited, an empty one too (the list shows 「（无标题）」).
        title: app.rooms.liveTitle(doc.id) ?? doc.title,
        status: doc.status,
        role: doc.role,
        createdBy: doc.createdBy,
        createdAt: doc.createdAt,
        updatedAt: doc.updatedAt,
        // A leader's list says which locked documents wait for their sign-off.
        awaitingMySignoff: doc.status === 'locked' && awaitsSignoff(app, doc.id, user.username),
      })),
    )
  })

  router.on('GET', '/api/documents/:id', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const { doc, role } = requireDocument(app, user, params.id)
    sendJson(res, 200, {
      id: doc.id,
      title: app.rooms.liveTitle(doc.id) ?? doc.title,
      status: doc.status,
      role,
      members: listMembers(app.db, doc.id),
      signers: listSigners(app.db, doc.id),
      signoffs: listSignoffs(app.db, doc.id),
      hash: lockedHash(app.db, doc.id),
      import: doc.importReport ?? undefined,
      createdBy: doc.createdBy,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
    })
  })

  // Only a draft: what is under review, locked or signed is a record until its owner reopens it.
  router.on('DELETE', '/api/documents/:id', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const doc = requireOwner(app, user, params.id)
    if (doc.status !== 'draft') throw conflict('只能删除草稿：审核中、已锁定或已签发的文档请先重新打开或解除锁定')
    deleteDocument(app.db, doc.id)
    app.rooms.documentDeleted(doc.id)
    // Each member's event stream sees it is no longer a member and ends.
    app.events.publish(doc.id, 'members')
    log.info('document deleted', { document: doc.id, by: user.username })
    sendJson(res, 200, { ok: true })
  })
}
