import { z } from 'zod'
import type { Router } from '../router'
import { readJson } from '../body'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { requireDocument } from '../access'
import { currentContent } from './content'
import { seedDocument } from '../../seedDocument'
import { copiedContent } from '../../copiedContent'

const copyBody = z.object({
  title: z.string().trim().min(1, '请填写标题').max(200),
  unfill: z.boolean().optional(),
})

export function documentCopyRoutes(router: Router, app: AppContext): void {
  // 另存为: any member may start a new document from what they can read; they own the copy, which
  // starts as a draft of its own (no members, comments, assignments or history of the original).
  router.on('POST', '/api/documents/:id/copy', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    requireDocument(app, user, params.id)
    const body = await readJson(req, copyBody)
    // Read after the body: the content as it is when the copy is made.
    const { doc } = requireDocument(app, user, params.id)
    const content = copiedContent(currentContent(app, doc.id), { unfill: body.unfill ?? false })
    const record = seedDocument(app.db, {
      title: body.title, doc: content, owner: user.username, titleTyped: true, detail: { copiedFrom: { id: doc.id, title: doc.title } },
    })
    sendJson(res, 201, { id: record.id, title: record.title, status: record.status })
  })
}
