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
})
