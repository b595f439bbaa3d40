import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, startTestServer, type TestServer } from '../helpers/server'
import { eventually } from '../helpers/retry'
import { placeholders } from '../helpers/yxml'

const SAMPLE = path.resolve(import.meta.dirname, '../../../shared/samples/county-stats-bureau-2022-summary.txt')
const sampleText = fs.readFileSync(SAMPLE, 'utf8')

let server: TestServer
let owner: string
let reader: string
let outsider: string
let original: string

const outline = async (id: string, token: string) => (await server.api('GET', `/api/documents/${id}/outline`, { token })).body
const copy = (id: string, token: string, body: unknown) => server.api('POST', `/api/documents/${id}/copy`, { token, body })
const sectionIds = (o: any): string[] => o.sections.flatMap((s: any) => [s.id, ...sectionIds({ sections: s.children })])

beforeAll(async () => {
  server = await startTestServer()
  owner = await server.user('owner')
  reader = await server.user('reader')
  outsider = await server.user('outsider')
  original = await server.createDocument(owner, { title: '县统计局2022年工作总结', text: sampleText })
  await server.api('PUT', `/api/documents/${original}/members/reader`, { token: owner, body: { role: 'viewer' } })
  // One figure filled in the live document, and a comment on its first section.
  const client = connectClient(server, original, owner)
  await eventually(() => expect(client.provider.synced).toBe(true))
  placeholders(client.doc.getXmlFragment('default'))[1].setAttribute('value', '12')
  await eventually(async () => expect((await outline(original, owner)).unfilled).toBe(24))
  client.destroy()
  const first = (await outline(original, owner)).sections[0].id
  await server.api('POST', `/api/documents/${original}/comments`, { token: owner, body: { sectionId: first, body: '请核实数字' } })
})
afterAll(async () => {
  await server.close()
})

describe('另存为: a new document from an existing one', () => {
  it('copies the live content under the new title with fresh ids, for the caller alone, as a draft', async () => {
    const created = await copy(original, reader, { title: '县统计局2023年工作总结' })
    expect(created).toMatchObject({ status: 201, body: { title: '县统计局2023年工作总结', status: 'draft' } })
    const id = created.body.id
    const [from, to] = [await outline(original, owner), await outline(id, reader)]
    expect(to.title).toBe('县统计局2023年工作总结')
    expect(to.unfilled).toBe(24)
    expect(to.sections.map((s: any) => s.heading)).toEqual(from.sections.map((s: any) => s.heading))
    // Comments and assignments are tied to section ids: none of the original's may be reused.
    expect(sectionIds(to).filter((sid) => sectionIds(from).includes(sid))).toEqual([])
    expect((await server.api('GET', `/api/documents/${id}/comments`, { token: reader })).body.threads).toEqual([])
    const detail = (await server.api('GET', `/api/documents/${id}`, { token: reader })).body
    expect(detail.members.map((m: any) => [m.username, m.role])).toEqual([['reader', 'owner']])
    const audit = (await server.api('GET', `/api/documents/${id}/audit`, { token: reader })).body
    expect(audit).toMatchObject([{ action: 'create', username: 'reader', detail: { copiedFrom: { id: original, title: '县统计局2022年工作总结' } } }])
    const versions = (await server.api('GET', `/api/documents/${id}/versions`, { token: reader })).body.versions
    expect(versions.map((v: any) => v.kind)).toEqual(['create'])
    // The original is untouched.
    expect((await outline(original, owner)).unfilled).toBe(24)
    expect((await server.api('GET', `/api/documents/${original}`, { token: owner })).body.members).toHaveLength(2)
  })

  it('opens every placeholder again when asked, keeping the text', async () => {
    const created = await copy(original, owner, { title: '县统计局2024年工作总结', unfill: true })
    expect(created.status).toBe(201)
    expect((await outline(created.body.id, owner)).unfilled).toBe(25)
    const text = (await server.api('GET', `/api/documents/${created.body.id}/export?format=txt`, { token: owner })).body as string
    expect(text.split('\n')[0]).toBe('县统计局2024年工作总结')
    expect(text).toContain('专题研究党建工作*次')
  })

  it('refuses someone who is not a member, a missing title and a bad body, and copies nothing then', async () => {
    const before = (await server.api('GET', '/api/documents', { token: owner })).body.length
    expect((await copy(original, outsider, { title: '窃取' })).status).toBe(403)
    expect(await copy(original, owner, { title: '  ' })).toMatchObject({ status: 400, body: { error: '请求内容无效（标题）：请填写标题' } })
    expect((await copy(original, owner, { title: '副本', unfill: 'yes' })).status).toBe(400)
    expect((await copy('no-such-document', owner, { title: '副本' })).status).toBe(404)
    expect((await server.api('GET', '/api/documents', { token: owner })).body.length).toBe(before)
  })
})
