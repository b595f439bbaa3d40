import { z } from 'zod'
import { listSignoffs, listSigners, lockedHash } from '../../db/workflow'
import { listMembers, type DocumentRecord } from '../../db/documents'
import { COPY_NUMBER, LETTERHEAD_LIMITS, URGENCIES, type Letterhead } from '../../../shared/api/letterhead'
import type { Router } from '../router'
import { sendFile, sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { requireDocument } from '../access'
import { badRequest } from '../errors'
import { currentContent } from './content'
import { exportText } from '../../../shared/export/text'
import { exportMarkdown } from '../../../shared/export/markdown'
import { contentHash } from '../../../shared/contentHash'
import type { RecordMeta } from '../../../shared/layout/signoffRecord'
import type { DocJSON } from '../../../shared/docJson'
import { shownTitle } from '../../../shared/documentTitle'

const formatSchema = z.enum(['docx', 'txt', 'md', 'json'])

// 版头 (docx only): `issuer` 发文机关标志, `serial` 发文字号, `upward=1` for a 上行文 with its 签发人,
// `copy` 份号, `urgency` 紧急程度.
const letterheadQuery = z.object({
  issuer: z.string().trim().max(LETTERHEAD_LIMITS.issuer, `发文机关标志最多 ${LETTERHEAD_LIMITS.issuer} 个字`).optional(),
  serial: z.string().trim().max(LETTERHEAD_LIMITS.serial, `发文字号最多 ${LETTERHEAD_LIMITS.serial} 个字`).optional(),
  upward: z.enum(['0', '1']).optional(),
  copy: z.string().trim().regex(COPY_NUMBER, '份号应为 1 至 6 位数字').optional(),
  urgency: z.enum(URGENCIES, { message: `紧急程度只能是${URGENCIES.join('或')}` }).optional(),
})

/** The 版头 the query asks for; a 上行文's 签发人 are the document's named signers. */
function letterheadOf(app: AppContext, documentId: string, query: URLSearchParams): Letterhead | undefined {
  const parsed = letterheadQuery.safeParse(Object.fromEntries(query))
  if (!parsed.success) throw badRequest(parsed.error.issues[0].message)
  const { issuer, serial, upward, copy, urgency } = parsed.data
  if (!issuer) {
    if (serial || upward === '1' || copy || urgency) throw badRequest('请填写发文机关标志')
    return undefined
  }
  const members = new Map(listMembers(app.db, documentId).map((m) => [m.username, m.displayName]))
  const signers = upward === '1' ? listSigners(app.db, documentId).map((username) => members.get(username) ?? username) : []
  return { issuer, ...(serial ? { serial } : {}), ...(signers.length ? { signers } : {}), ...(copy ? { copyNumber: copy } : {}), ...(urgency ? { urgency } : {}) }
}

/** What the 定稿与签发记录 of a locked or signed document says; nothing for one still being written. */
function signoffRecordOf(app: AppContext, doc: DocumentRecord, content: DocJSON): RecordMeta | undefined {
  if (doc.status !== 'locked' && doc.status !== 'signed') return undefined
  return { status: doc.status, hash: lockedHash(app.db, doc.id) ?? contentHash(content), signoffs: listSignoffs(app.db, doc.id) }
}

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
} as const

export function exportRoutes(router: Router, app: AppContext): void {
  router.on('GET', '/api/documents/:id/export', async ({ req, res, url, params }) => {
    const user = requireUser(app, req)
    const { doc } = requireDocument(app, user, params.id)
    const parsed = formatSchema.safeParse(url.searchParams.get('format') ?? 'docx')
    if (!parsed.success) throw badRequest('导出格式（format）必须是 docx、txt、md 或 json')
    const format = parsed.data
    const content = currentContent(app, doc.id)
    // Named as the list names it: an open document's title line as edited.
    const filename = `${shownTitle(app.rooms.liveTitle(doc.id) ?? doc.title).replace(/[\\/:*?"<>|]/g, '_')}.${format}`
    // json: the ProseMirror document, for the print view and for scripts.
    if (format === 'json') return sendJson(res, 200, content)
    const record = signoffRecordOf(app, doc, content)
    if (format === 'txt') return sendFile(res, exportText(content, record), TYPES.txt, filename)
    if (format === 'md') return sendFile(res, exportMarkdown(content, record), TYPES.md, filename)
    // Loaded on first use: the docx library is large and most starts never export.
    const { exportDocx } = await import('../../export/docx')
    const letterhead = letterheadOf(app, doc.id, url.searchParams)
    const data = await exportDocx(content, { letterhead, ...record })
    sendFile(res, data, TYPES.docx, filename)
  })
}
