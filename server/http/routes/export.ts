import { z } from 'zod'
import { listSignoffs, lockedHash } from '../../db/workflow'
import type { Router } from '../router'
import { sendFile, sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { requireDocument } from '../access'
import { badRequest } from '../errors'
import { currentContent } from './content'
import { exportText } from '../../../shared/export/text'
import { exportMarkdown } from '../../../shared/export/markdown'
import { contentHash } from '../../../shared/contentHash'

const formatSchema = z.enum(['docx', 'txt', 'md', 'json'])

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
    if (!parsed.success) throw badRequest('format 必须是 docx、txt、md 或 json')
    const format = parsed.data
    const content = currentContent(app, doc.id)
    const filename = `${doc.title.replace(/[\\/:*?"<>|]/g, '_')}.${format}`
    // json: the ProseMirror document, for the print view and for scripts.
    if (format === 'json') return sendJson(res, 200, content)
    if (format === 'txt') return sendFile(res, exportText(content), TYPES.txt, filename)
    if (format === 'md') return sendFile(res, exportMarkdown(content), TYPES.md, filename)
    // Loaded on first use: the docx library is large and most starts never export.
    const { exportDocx } = await import('../../export/docx')
    const frozen = doc.status === 'locked' || doc.status === 'signed'
    const data = await exportDocx(content, {
      status: doc.status,
      ...(frozen ? { hash: lockedHash(app.db, doc.id) ?? contentHash(content) } : {}),
      signoffs: listSignoffs(app.db, doc.id),
    })
    sendFile(res, data, TYPES.docx, filename)
  })
}
