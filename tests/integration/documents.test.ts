import fs from 'node:fs'
import path from 'node:path'
import * as Y from 'yjs'
import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, startTestServer, type TestClient, type TestServer } from '../helpers/server'
import { eventually } from '../helpers/retry'
import { openEventStream } from '../helpers/eventStream'

const SAMPLE = path.resolve(import.meta.dirname, '../../../shared/samples/county-stats-bureau-2022-summary.txt')
const sampleText = fs.readFileSync(SAMPLE, 'utf8')
const sampleTitle = sampleText.split('\n')[0].trim()

let server: TestServer
let owner: string
let editor: string
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  owner = await server.user('owner')
  editor = await server.user('editor')
  await server.user('third')
})
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy()
})
afterAll(async () => {
  await server.close()
})

describe('creating documents', () => {
  it('seeds the content on the server from imported text, so a syncing client sees the title', async () => {
    const created = await server.api('POST', '/api/documents', { token: owner, body: { title: sampleTitle, text: sampleText } })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ title: sampleTitle, status: 'draft' })
    expect(created.body.import).toBeTypeOf('object')
    const c = connectClient(server, created.body.id, owner)
    clients.push(c)
    await eventually(() => expect(c.provider.synced).toBe(true))
    const first = c.doc.getXmlFragment('default').get(0)
    expect(first instanceof Y.XmlElement && first.nodeName).toBe('title')
    expect(c.text().split('\n')[0]).toBe(sampleTitle)
    expect(c.text()).toContain('工作开展情况及经验做法')
  })

  it('creates an empty document with its title when no text is given', async () => {
    const id = await server.createDocument(owner, { title: '空白文档' })
    const c = connectClient(server, id, owner)
    clients.push(c)
    await eventually(() => expect(c.text().split('\n')[0]).toBe('空白文档'))
  })

  it('puts a typed title in place of the imported title line, and the import report says which line it replaced', async () => {
    const created = await server.api('POST', '/api/documents', { token: owner, body: { title: '我起的标题', text: sampleText } })
    expect(created.body.import.warnings).toContain(`标题行已改为您填写的“我起的标题”，草稿中原为“${sampleTitle}”。`)
    expect(created.body.import.summary).toMatch(/另有1条提示。$/)
    const same = await server.api('POST', '/api/documents', { token: owner, body: { title: sampleTitle, text: sampleText } })
    expect(same.body.import.warnings).toEqual([])
    const id = created.body.id
    const c = connectClient(server, id, owner)
    clients.push(c)
    await eventually(() => expect(c.text().split('\n')[0]).toBe('我起的标题'))
    expect(c.text()).toContain('工作开展情况及经验做法')
  })

  it('lists and names exports by the title as edited in the document while it is open, and keeps it once it is stored', async () => {
    const id = await server.createDocument(owner, { title: '旧标题' })
    const c = connectClient(server, id, owner)
    clients.push(c)
    await eventually(() => expect(c.provider.synced).toBe(true))
    const title = c.doc.getXmlFragment('default').get(0) as Y.XmlElement
    ;(title.get(0) as Y.XmlText).insert(0, '新')
    await eventually(async () => {
      const open = await server.api('GET', '/api/documents', { token: owner })
      expect(open.body.find((d: { id: string }) => d.id === id)?.title).toBe('新旧标题')
    })
    // And so is its export named.
    const exported = await server.api('GET', `/api/documents/${id}/export?format=txt`, { token: owner })
    expect(exported.headers.get('content-disposition')).toContain(encodeURIComponent('新旧标题.txt'))
    // An emptied title line is listed empty (the list shows 「（无标题）」, as the editor's header does), not as the title it had.
    ;(title.get(0) as Y.XmlText).delete(0, 4)
    await eventually(async () => expect((await server.api('GET', `/api/documents/${id}`, { token: owner })).body.title).toBe(''))
    const emptied = await server.api('GET', '/api/documents', { token: owner })
    expect(emptied.body.find((d: { id: string }) => d.id === id)?.title).toBe('')
    ;(title.get(0) as Y.XmlText).insert(0, '新旧标题')
    await eventually(() => expect(c.provider.ws?.bufferedAmount ?? 0).toBe(0))
    c.destroy()
    clients.length = 0
    await eventually(async () => {
      const listed = await server.api('GET', `/api/documents/${id}`, { token: owner })
      expect(listed.body.title).toBe('新旧标题')
    })
  })

  it('keeps an emptied title line empty once the document is stored, and names its export 「（无标题）」', async () => {
    const id = await server.createDocument(owner, { title: '将被清空的标题' })
    const c = connectClient(server, id, owner)
    clients.push(c)
    await eventually(() => expect(c.provider.synced).toBe(true))
    const title = c.doc.getXmlFragment('default').get(0) as Y.XmlElement
    ;(title.get(0) as Y.XmlText).delete(0, '将被清空的标题'.length)
    await eventually(() => expect(c.provider.ws?.bufferedAmount ?? 0).toBe(0))
    await eventually(async () => expect((await server.api('GET', `/api/documents/${id}`, { token: owner })).body.title).toBe(''))
    c.destroy()
    clients.length = 0
    // Closed, the record says what the title line says: the list does not go back to the old title.
    const db = new Database(path.join(server.dataDir, 'hegao.sqlite'), { readonly: true })
    try {
      await eventually(() => expect(db.prepare('SELECT title FROM documents WHERE id = ?').get(id)).toEqual({ title: '' }))
    } finally {
      db.close()
    }
    const listed = await server.api('GET', '/api/documents', { token: owner })
    expect(listed.body.find((d: { id: string }) => d.id === id)?.title).toBe('')
    const exported = await server.api('GET', `/api/documents/${id}/export?format=txt`, { token: owner })
    expect(exported.headers.get('content-disposition')).toContain(encodeURIComponent('（无标题）.txt'))
  })

  it('lists the templates and creates a document from one, with fresh ids, the typed title and a check that refuses its hints', async () => {
    const listed = await server.api('GET', '/api/templates', { token: owner })
    expect(listed.status).toBe(200)
    expect(listed.body.templates.map((t: { id: string }) => t.id)).toEqual(['annual-summary', 'work-plan', 'situation-report', 'notice'])
    expect(listed.body.templates[0]).toMatchObject({ name: '年度工作总结', builtIn: true, sections: ['一、主要工作及成效', '二、存在的问题和不足', '三、下一步工作打算'] })
    expect((await server.api('GET', '/api/templates')).status).toBe(401)

    const ids: string[] = []
    for (const title of ['县统计局2026年工作总结', '县统计局2026年工作总结（二）']) {
      const created = await server.api('POST', '/api/documents', { token: owner, body: { title, template: 'annual-summary' } })
      expect(created.status).toBe(201)
      expect(created.body).toMatchObject({ title, status: 'draft' })
      expect(created.body.import).toBeUndefined()
      ids.push(created.body.id)
    }
    const outline = (await server.api('GET', `/api/documents/${ids[0]}/outline`, { token: owner })).body
    // Five figures in the text, then the 署名 and the three parts of the 成文日期.
    expect(outline).toMatchObject({ title: '县统计局2026年工作总结', unfilled: 9 })
    // Each document gets its own heading ids: comments and assignments must not cross documents.
    const other = (await server.api('GET', `/api/documents/${ids[1]}/outline`, { token: owner })).body
    expect(other.sections[0].id).not.toBe(outline.sections[0].id)

    const check = (await server.api('GET', `/api/documents/${ids[0]}/check`, { token: owner })).body
    expect(check.ready).toBe(false)
    const hints = check.problems.filter((p: { rule: string }) => p.rule === 'template-hint')
    expect(hints.length).toBeGreaterThan(5)
    expect(hints[0]).toMatchObject({ severity: 'error', sectionPath: [] })
    expect(hints[0].excerpt.text).toMatch(/^【提示：.*】$/)
  })

  it('lets an administrator add a template of the office, which everyone can use, and delete it', async () => {
    const text = '××局会议纪要\n【提示：写明会议时间、地点和主持人。】\n一、会议议定事项\n（一）【提示：议定事项】。本次会议共议定**项。\n二、参会人员\n**同志、**同志。'
    const add = (token: string, body: unknown) => server.api('POST', '/api/templates', { token, body })
    expect((await add(owner, { name: '会议纪要', text })).status).toBe(403)
    expect((await add(server.adminToken, { name: ' ', text })).body.error).toContain('请填写模板名称')
    expect((await add(server.adminToken, { name: '无标题', text: '只有一段正文。' })).body.error).toContain('至少要有一个编号的一级标题')
    expect((await add(server.adminToken, { name: '通知', text })).status).toBe(409)
    expect((await add(server.adminToken, { name: '长', text: '一'.repeat(200_001) })).status).toBe(400)
    const added = await add(server.adminToken, { name: '会议纪要', description: '议定事项、参会人员', text })
    expect(added.status).toBe(201)
    expect(added.body.template).toMatchObject({ name: '会议纪要', builtIn: false, sections: ['一、会议议定事项', '二、参会人员'] })
    const { id } = added.body.template
    expect((await server.api('GET', '/api/templates', { token: editor })).body.templates.map((t: { id: string }) => t.id)).toContain(id)

    const created = await server.api('POST', '/api/documents', { token: editor, body: { title: '局长办公会纪要', template: id } })
    expect(created.status).toBe(201)
    const check = (await server.api('GET', `/api/documents/${created.body.id}/check`, { token: editor })).body
    expect(check.unfilled.map((u: { kind: string }) => u.kind)).toEqual(['number', 'text', 'text'])
    expect(check.problems.filter((p: { rule: string }) => p.rule === 'template-hint')).toHaveLength(2)

    expect((await server.api('DELETE', `/api/templates/${id}`, { token: owner })).status).toBe(403)
    expect((await server.api('DELETE', '/api/templates/notice', { token: server.adminToken })).status).toBe(409)
    expect((await server.api('DELETE', `/api/templates/${id}`, { token: server.adminToken })).status).toBe(200)
    expect((await server.api('DELETE', `/api/templates/${id}`, { token: server.adminToken })).status).toBe(404)
    expect((await server.api('POST', '/api/documents', { token: editor, body: { title: '又一份', template: id } })).status).toBe(400)
    // The document made from it is the document's own: deleting the template leaves it.
    expect((await server.api('GET', `/api/documents/${created.body.id}`, { token: editor })).status).toBe(200)
  })

  it('refuses an unknown template, a template without a title, and a template with text', async () => {
    for (const body of [{ title: '甲', template: 'nope' }, { template: 'notice' }, { title: '甲', template: 'notice', text: '乙\n正文' }, { title: '甲', template: 7 }]) {
      const refused = await server.api('POST', '/api/documents', { token: owner, body })
      expect(refused.status).toBe(400)
      expect(refused.body.error).toBeTypeOf('string')
    }
    // Where the schema has no message of its own, the message is plain Chinese too, not zod's types and sizes.
    const refusal = async (body: unknown) => (await server.api('POST', '/api/documents', { token: owner, body })).body.error
    expect(await refusal({ title: 5 })).toBe('请求内容无效（标题）：应为文字')
    expect(await refusal({ title: '标'.repeat(201) })).toBe('请求内容无效（标题）：最多 200 个字')
    expect(await refusal([])).toBe('请求内容无效（请求体）：应为一组字段')
  })

  it('imports an uploaded .txt file', async () => {
    const form = new FormData()
    form.append('file', new Blob([sampleText], { type: 'text/plain' }), 'draft.txt')
    const created = await server.api('POST', '/api/documents', { token: owner, body: form })
    expect(created.status).toBe(201)
    expect(created.body.title).toBe(sampleTitle)
  })

  it('refuses an upload that is neither .txt nor .docx', async () => {
    const form = new FormData()
    form.append('file', new Blob(['x']), 'draft.pdf')
    const response = await server.api('POST', '/api/documents', { token: owner, body: form })
    expect(response.status).toBe(400)
    expect(response.body.error).toContain('.txt')
  })

  it('refuses a .txt that is no draft: a Word file renamed, another binary file, an empty one; an old .doc is told to be saved as .docx', async () => {
    const upload = async (data: BlobPart, name: string) => {
      const form = new FormData()
      form.append('file', new Blob([data]), name)
      return server.api('POST', '/api/documents', { token: owner, body: form })
    }
    const word = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])
    expect(await upload(word, '总结.txt')).toMatchObject({ status: 400, body: { error: '该文件实际是 Word 文档（.docx）：请把扩展名改为 .docx 后再导入' } })
    expect(await upload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), '图.txt')).toMatchObject({ status: 400, body: { error: '该文件不是文本文件，无法导入' } })
    expect(await upload(' \r\n\n', '空.txt')).toMatchObject({ status: 400, body: { error: '文件是空的，没有可导入的内容' } })
    expect((await upload('x', '总结.doc')).body.error).toContain('另存为 .docx')
    const before = (await server.api('GET', '/api/documents', { token: owner })).body.length
    expect((await upload('通知\n一、事项\n正文。', '通知.txt')).status).toBe(201)
    // A placeholder in the title line is named by its stars in the list, not left out.
    expect((await upload('**镇2023年工作总结\n一、事项\n正文。', '总结.txt')).body.title).toBe('**镇2023年工作总结')
    expect((await server.api('GET', '/api/documents', { token: owner })).body.length).toBe(before + 2)
  })

  it('lists a document only for its members, with the caller\'s role', async () => {
    const id = await server.createDocument(owner, { title: '列表' })
    const mine = await server.api('GET', '/api/documents', { token: owner })
    expect(mine.body).toContainEqual(expect.objectContaining({ id, title: '列表', status: 'draft', role: 'owner' }))
    const theirs = await server.api('GET', '/api/documents', { token: editor })
    expect(theirs.body.map((d: { id: string }) => d.id)).not.toContain(id)
    expect((await server.api('GET', `/api/documents/${id}`, { token: editor })).status).toBe(403)
    expect((await server.api('GET', '/api/documents/ffffffffffff', { token: editor })).status).toBe(404)
  })

  it('tells each signer in the list which locked documents wait for their sign-off', async () => {
    const id = await server.createDocument(owner, { title: '待签发' })
    await server.api('PUT', `/api/documents/${id}/members/editor`, { token: owner, body: { role: 'editor' } })
    const awaiting = async (token: string) => (await server.api('GET', '/api/documents', { token })).body.find((d: { id: string }) => d.id === id).awaitingMySignoff
    expect(await awaiting(owner)).toBe(false)
    await server.api('POST', `/api/documents/${id}/submit`, { token: owner })
    expect((await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: ['owner', 'editor'] } })).status).toBe(200)
    expect([await awaiting(owner), await awaiting(editor)]).toEqual([true, true])
    expect((await server.api('POST', `/api/documents/${id}/signoff`, { token: owner })).status).toBe(200)
    expect([await awaiting(owner), await awaiting(editor)]).toEqual([false, true])
    expect((await server.api('POST', `/api/documents/${id}/signoff`, { token: editor })).status).toBe(200)
    expect([await awaiting(owner), await awaiting(editor)]).toEqual([false, false])
  })
})

describe('members', () => {
  it('lets the owner give roles, which the document then reports', async () => {
    const id = await server.createDocument(owner, { title: '成员' })
    const put = await server.api('PUT', `/api/documents/${id}/members/editor`, { token: owner, body: { role: 'editor' } })
    expect(put.status).toBe(200)
    const doc = await server.api('GET', `/api/documents/${id}`, { token: editor })
    expect(doc.status).toBe(200)
    expect(doc.body).toMatchObject({ id, title: '成员', status: 'draft', role: 'editor', signers: [], signoffs: [] })
    expect(doc.body.members).toEqual([
      { username: 'editor', displayName: 'editor', role: 'editor' },
      { username: 'owner', displayName: 'owner', role: 'owner' },
    ])
  })

  it('refuses role changes from anyone but an owner with 403', async () => {
    const id = await server.createDocument(owner, { title: '权限' })
    await server.api('PUT', `/api/documents/${id}/members/editor`, { token: owner, body: { role: 'editor' } })
    const byEditor = await server.api('PUT', `/api/documents/${id}/members/third`, { token: editor, body: { role: 'editor' } })
    expect(byEditor.status).toBe(403)
    const promoteSelf = await server.api('PUT', `/api/documents/${id}/members/editor`, { token: editor, body: { role: 'owner' } })
    expect(promoteSelf.status).toBe(403)
    const removeByEditor = await server.api('DELETE', `/api/documents/${id}/members/owner`, { token: editor })
    expect(removeByEditor.status).toBe(403)
  })

  it('refuses an unknown role with 400 and an unknown user with 404', async () => {
    const id = await server.createDocument(owner, { title: '角色' })
    expect((await server.api('PUT', `/api/documents/${id}/members/editor`, { token: owner, body: { role: 'boss' } })).status).toBe(400)
    expect((await server.api('PUT', `/api/documents/${id}/members/ghost`, { token: owner, body: { role: 'editor' } })).status).toBe(404)
  })

  it('never leaves a document without an owner', async () => {
    const id = await server.createDocument(owner, { title: '所有者' })
    expect((await server.api('DELETE', `/api/documents/${id}/members/owner`, { token: owner })).status).toBe(409)
    expect((await server.api('PUT', `/api/documents/${id}/members/owner`, { token: owner, body: { role: 'editor' } })).status).toBe(409)
    await server.api('PUT', `/api/documents/${id}/members/editor`, { token: owner, body: { role: 'owner' } })
    expect((await server.api('DELETE', `/api/documents/${id}/members/owner`, { token: owner })).status).toBe(200)
    expect((await server.api('GET', `/api/documents/${id}`, { token: owner })).status).toBe(403)
  })

  it('closes the live connection of a member who is removed', async () => {
    const id = await server.createDocument(owner, { title: '移除' })
    await server.api('PUT', `/api/documents/${id}/members/editor`, { token: owner, body: { role: 'editor' } })
    const c = connectClient(server, id, editor)
    clients.push(c)
    await eventually(() => expect(c.provider.synced).toBe(true))
    c.provider.shouldConnect = false
    await server.api('DELETE', `/api/documents/${id}/members/editor`, { token: owner })
    await eventually(() => expect(c.closeCodes).toContain(4403))
  })

  it('lets an owner delete a draft: its editors close, its event streams end, nothing of it stays', async () => {
    const id = await server.createDocument(owner, { title: '待删除', text: '待删除\n一、甲\n正文**次。' })
    await server.api('PUT', `/api/documents/${id}/members/editor`, { token: owner, body: { role: 'editor' } })
    const c = connectClient(server, id, editor)
    clients.push(c)
    await eventually(() => expect(c.provider.synced).toBe(true))
    const stream = await openEventStream(server, id, editor)
    const third = await server.api('POST', '/api/login', { body: { username: 'third', password: 'third-password' } })

    expect((await server.api('DELETE', `/api/documents/${id}`, { token: editor })).status).toBe(403)
    expect((await server.api('DELETE', `/api/documents/${id}`, { token: third.body.token })).status).toBe(403)
    expect((await server.api('DELETE', '/api/documents/nope', { token: owner })).status).toBe(404)
    expect((await server.api('DELETE', `/api/documents/${id}`)).status).toBe(401)

    expect(await server.api('DELETE', `/api/documents/${id}`, { token: owner })).toMatchObject({ status: 200, body: { ok: true } })
    await eventually(() => expect(c.closeCodes).toContain(4404))
    await stream.ended
    expect((await server.api('GET', `/api/documents/${id}`, { token: owner })).status).toBe(404)
    const listed = await server.api('GET', '/api/documents', { token: editor })
    expect(listed.body.map((d: { id: string }) => d.id)).not.toContain(id)
    // Stored nothing after the delete, and a restart finds no trace of it.
    await server.restart()
    expect((await server.api('GET', `/api/documents/${id}/outline`, { token: owner })).status).toBe(404)
    const db = new Database(path.join(server.dataDir, 'hegao.sqlite'), { readonly: true })
    for (const table of ['updates', 'snapshots', 'members', 'versions', 'audit', 'comment_threads']) {
      expect([table, db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE document_id = ?`).get(id)]).toEqual([table, { n: 0 }])
    }
    db.close()
  })

  it('refuses to delete a document under review', async () => {
    const id = await server.createDocument(owner, { title: '审核中' })
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: owner })).status).toBe(200)
    expect((await server.api('DELETE', `/api/documents/${id}`, { token: owner })).status).toBe(409)
    expect((await server.api('GET', `/api/documents/${id}`, { token: owner })).status).toBe(200)
  })
})
