import { z } from 'zod'
import type { Router } from '../router'
import { readJson } from '../body'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { isBuiltInTemplate, listTemplates, templateNameTaken, templateSections } from '../../templates/catalogue'
import { createStoredTemplate, deleteStoredTemplate } from '../../db/templates'

const createBody = z.object({
  name: z.string().trim().min(1, '请填写模板名称').max(40, '模板名称最多 40 个字'),
  description: z.string().trim().max(200, '说明最多 200 个字').optional(),
  text: z.string().max(200_000, '模板正文过长'),
})

export function templateRoutes(router: Router, app: AppContext): void {
  router.on('GET', '/api/templates', ({ req, res }) => {
    requireUser(app, req)
    sendJson(res, 200, { templates: listTemplates(app.db) })
  })

  // The office's own template: a draft's text as a drafter would import it (`*` runs, 【提示：…】).
  router.on('POST', '/api/templates', async ({ req, res }) => {
    const user = requireUser(app, req)
    if (!user.admin) throw forbidden('只有管理员可以添加模板')
    const body = await readJson(req, createBody)
    const sections = templateSections(body.text)
    if (sections.length === 0) throw badRequest('模板至少要有一个编号的一级标题（如“一、总体要求”）')
    if (templateNameTaken(app.db, body.name)) throw conflict('已有同名模板')
    const stored = createStoredTemplate(app.db, { name: body.name, description: body.description ?? '', text: body.text, createdBy: user.username })
    sendJson(res, 201, { template: { id: stored.id, name: stored.name, description: stored.description, builtIn: false, sections } })
  })

  router.on('DELETE', '/api/templates/:id', ({ req, res, params }) => {
    const user = requireUser(app, req)
    if (!user.admin) throw forbidden('只有管理员可以删除模板')
    if (isBuiltInTemplate(params.id)) throw conflict('内置模板不能删除')
    if (!deleteStoredTemplate(app.db, params.id)) throw notFound('模板不存在')
    sendJson(res, 200, { ok: true })
  })
}
