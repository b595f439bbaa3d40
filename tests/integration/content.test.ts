import JSZip from 'jszip'
import fs from 'node:fs'
import path from 'node:path'
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, startTestServer, type TestClient, type TestServer } from '../helpers/server'
import { eventually } from '../helpers/retry'

const SAMPLE = path.resolve(import.meta.dirname, '../../../shared/samples/county-stats-bureau-2022-summary.txt')
const sampleText = fs.readFileSync(SAMPLE, 'utf8')

let server: TestServer
let owner: string
let stranger: string
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  owner = await server.user('owner')
  stranger = await server.user('stranger')
})
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy()
})
afterAll(async () => {
  await server.close()
})

/** Every placeholder element in the body, in document order. */
function placeholders(doc: Y.Doc): Y.XmlElement[] {
  const found: Y.XmlElement[] = []
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'placeholder') found.push(child)
        walk(child)
      }
    }
  }
  walk(doc.getXmlFragment('default'))
  return found
}

describe('outline and check of the current content', () => {
  it('gives the outline of an imported draft', async () => {
    const id = await server.createDocument(owner, { text: sampleText })
    const response = await server.api('GET', `/api/documents/${id}/outline`, { token: owner })
    expect(response.status).toBe(200)
    expect(response.body.title).toBe('县统计局领导班子2022年工作总结及下一步工作打算')
    expect(response.body.sections.map((s: { number: string }) => s.number)).toEqual(['一、', '二、', '三、'])
    expect(response.body).toMatchObject({ placeholders: 25, unfilled: 25 })
  })

  it('follows live edits while the document is open, and keeps them after it is closed', async () => {
    const id = await server.createDocument(owner, { text: sampleText })
    const c = connectClient(server, id, owner)
    clients.push(c)
    await eventually(() => expect(c.provider.synced).toBe(true))
    const first = placeholders(c.doc)[0]
    first.setAttribute('value', '12')
    await eventually(async () => {
      const outline = await server.api('GET', `/api/documents/${id}/outline`, { token: owner })
      expect(outline.body.unfilled).toBe(24)
    })
    const check = await server.api('GET', `/api/documents/${id}/check`, { token: owner })
    expect(check.status).toBe(200)
    expect(check.body.ready).toBe(false)
    expect(check.body.unfilled).toHaveLength(24)
    // After a restart nothing is loaded: the outline comes from storage.
    await server.restart()
    const stored = await server.api('GET', `/api/documents/${id}/outline`, { token: owner })
    expect(stored.body.unfilled).toBe(24)
  })

  it('reports the numbering corrected on import in the check', async () => {
    const id = await server.createDocument(owner, { text: sampleText })
    const check = await server.api('GET', `/api/documents/${id}/check`, { token: owner })
    expect(check.body.problems.map((p: { rule: string }) => p.rule)).toContain('numbering-gap')
  })

  it('shows outline, check and export only to members', async () => {
    const id = await server.createDocument(owner, { text: sampleText })
    for (const what of ['outline', 'check', 'export?format=txt']) {
      expect((await server.api('GET', `/api/documents/${id}/${what}`, { token: stranger })).status, what).toBe(403)
    }
  })
})

describe('export', () => {
  it('downloads the current content as text and refuses an unknown format', async () => {
    const id = await server.createDocument(owner, { text: sampleText })
    const response = await server.api('GET', `/api/documents/${id}/export?format=txt`, { token: owner })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    expect(response.headers.get('content-disposition')).toContain('.txt')
    expect(String(response.body)).toContain('县统计局领导班子2022年工作总结及下一步工作打算')
    expect((await server.api('GET', `/api/documents/${id}/export?format=pdf`, { token: owner })).status).toBe(400)
  })

  it('ends the text and Markdown of a locked or signed document with its hash and sign-offs in Beijing time, and leaves a draft\'s text as it was', async () => {
    const id = await server.createDocument(owner, { text: '关于统计工作的报告\n县人民政府：\n全年完成各项统计任务。' })
    const exported = async (format: 'txt' | 'md') => String((await server.api('GET', `/api/documents/${id}/export?format=${format}`, { token: owner })).body)
    const draft = await exported('txt')
    expect(draft).toBe('关于统计工作的报告\n\n县人民政府：\n全年完成各项统计任务。\n')
    const draftMarkdown = await exported('md')
    const chief = await server.user('chief')
    await server.api('PATCH', '/api/users/chief', { token: server.adminToken, body: { displayName: '王局长' } })
    await server.api('PUT', `/api/documents/${id}/members/chief`, { token: owner, body: { role: 'viewer' } })
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: owner })).status).toBe(200)
    expect(await exported('txt')).toBe(draft)

    const { hash } = (await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: ['chief'] } })).body
    expect(await exported('txt')).toBe(`${draft}\n定稿与签发记录\n\n文档状态：已定稿（锁定）\n定稿内容校验值（SHA-256）：\n${hash}\n签发记录：尚无人签发。\n`)

    const { signoffs } = (await server.api('POST', `/api/documents/${id}/signoff`, { token: chief, body: { opinion: '同意。' } })).body
    const beijing = new Date(Date.parse(signoffs[0].at) + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ')
    const record = [
      '定稿与签发记录', '', '文档状态：已签发', '定稿内容校验值（SHA-256）：', hash, '签发记录：',
      `1. 王局长（chief）于 ${beijing}（北京时间） 签发，所签内容校验值：`, hash, '签发意见：同意。',
    ]
    const signed = await exported('txt')
    expect(signed).toBe(`${draft}\n${record.join('\n')}\n`)
    const markdown = await exported('md')
    expect(markdown.startsWith(draftMarkdown)).toBe(true)
    expect(markdown.slice(draftMarkdown.length)).toContain(`\n---\n\n## 定稿与签发记录\n\n文档状态：已签发\n\n定稿内容校验值（SHA-256）：\n\n\`${hash}\`\n\n签发记录：\n\n1. 王局长`)

    // Imported again, the record is no draft text: the new document is reviewed and signed afresh.
    const again = await server.api('POST', '/api/documents', { token: owner, body: { title: '关于统计工作的报告', text: signed } })
    expect(again.body.import.warnings).toContain('原文末尾的“定稿与签发记录”（合稿导出时附上）未导入：新文档重新审核、签发。')
    expect((await server.api('GET', `/api/documents/${again.body.id}/export?format=txt`, { token: owner })).body).toBe(draft)

    expect((await server.api('POST', `/api/documents/${id}/unlock`, { token: owner, body: { reason: '再改' } })).status).toBe(200)
    expect(await exported('txt')).toBe(draft)
  })

  it('puts a 版头 above the title when asked, with the signers of a 上行文, and refuses a bad one', async () => {
    const id = await server.createDocument(owner, { text: '关于统计工作的报告\n县人民政府：\n全年完成各项统计任务。' })
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: owner })).status).toBe(200)
    const documentXml = async (query: string) => {
      const response = await fetch(`${server.url}/api/documents/${id}/export?format=docx&${query}`, { headers: { Authorization: `Bearer ${owner}` } })
      expect(response.status).toBe(200)
      return (await JSZip.loadAsync(await response.arrayBuffer())).file('word/document.xml')!.async('string')
    }
    const plain = await documentXml('')
    expect(plain).not.toContain('FF0000')
    const notice = await documentXml(new URLSearchParams({ issuer: '县统计局文件', serial: '县统发〔2026〕5号' }).toString())
    const texts = [...notice.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1])
    expect(texts.slice(0, 3)).toEqual(['县统计局文件', '县统发〔2026〕5号', '关于统计工作的报告'])
    expect(notice).toMatch(/<w:color w:val="FF0000"\/>.*县统计局文件/)
    expect(notice).toMatch(/<w:bottom [^>]*w:color="FF0000"/)
    expect(notice).not.toContain('签发人')
    // 份号 (six digits) and 紧急程度 (黑体) stand flush left above the mark, in that order.
    const marked = await documentXml(new URLSearchParams({ issuer: '县统计局文件', serial: '县统发〔2026〕5号', copy: '12', urgency: '特急' }).toString())
    expect([...marked.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).slice(0, 4)).toEqual(['000012', '特急', '县统计局文件', '县统发〔2026〕5号'])
    expect(marked).toMatch(/w:eastAsia="黑体"[^]*?特急/)
    // A 上行文 names the document's signers beside the 发文字号.
    await server.user('leader')
    await server.api('PUT', `/api/documents/${id}/members/leader`, { token: owner, body: { role: 'viewer' } })
    expect((await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: ['leader'] } })).status).toBe(200)
    const upward = await documentXml('issuer=县统计局&serial=县统〔2026〕12号&upward=1')
    expect(upward).toContain('签发人：')
    expect(upward).toContain('>leader<')
    for (const [query, error] of [
      ['issuer=' + '县'.repeat(31), '发文机关标志最多 30 个字'],
      ['serial=县统发〔2026〕5号', '请填写发文机关标志'],
      ['issuer=%20&upward=1', '请填写发文机关标志'],
      ['issuer=县统计局&upward=yes', 'upward'],
      ['issuer=县统计局&copy=1234567', '份号应为 1 至 6 位数字'],
      ['issuer=县统计局&copy=12a', '份号应为 1 至 6 位数字'],
      ['issuer=县统计局&urgency=特提', '紧急程度只能是特急或加急'],
      ['copy=12', '请填写发文机关标志'],
    ]) {
      const response = await server.api('GET', `/api/documents/${id}/export?format=docx&${query}`, { token: owner })
      expect(response.status, query).toBe(400)
      expect(typeof response.body.error, query).toBe('string')
      if (error !== 'upward') expect(response.body.error, query).toBe(error)
    }
  })
})
