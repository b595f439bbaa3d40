import type { Router } from '../router'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { requireDocument } from '../access'
import { HttpError } from '../errors'
import { buildOutline } from '../../../shared/outline'
import type { ImportReport } from '../../../shared/import/importText'
import type { DocJSON } from '../../../shared/docJson'

/** The current content: the live Y.Doc when the room is open, otherwise the stored state. */
export function currentContent(app: AppContext, id: string): DocJSON {
  const doc = app.rooms.docJson(id)
  if (!doc) throw new HttpError(500, '无法读取文档内容')
  return doc
}

export function importCorrections(report: unknown): ImportReport['corrections'] | undefined {
  const corrections = (report as Partial<ImportReport> | null)?.corrections
  return Array.isArray(corrections) ? corrections : undefined
}

export function contentRoutes(router: Router, app: AppContext): void {
  router.on('GET', '/api/documents/:id/outline', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const { doc } = requireDocument(app, user, params.id)
    sendJson(res, 200, buildOutline(currentContent(app, doc.id)))
  })

  router.on('GET', '/api/documents/:id/check', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    const { doc } = requireDocument(app, user, params.id)
    // Loaded on first use: the check's rule set is only needed when someone asks for it.
    const { preSubmissionCheck } = await import('../../../shared/check/index')
    sendJson(res, 200, preSubmissionCheck(currentContent(app, doc.id), { importCorrections: importCorrections(doc.importReport) }))
  })
}
