import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { appendParagraph, connectClient, startTestServer, type TestClient, type TestServer } from '../helpers/server'
import { eventually } from '../helpers/retry'
import { loadYDoc } from '../../server/db/updates'
import { yDocToDocJson } from '../../shared/ydoc'

let server: TestServer
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer({ compactAfter: 20 })
})
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy()
})
afterAll(async () => {
  await server.close()
})

describe('restarting the server', () => {
  it('serves after a restart everything it had accepted, accounts and sessions included', async () => {
    const token = await server.user('writer')
    const id = await server.createDocument(token, { title: '重启之后' })
    const a = connectClient(server, id, token)
    clients.push(a)
    await eventually(() => expect(a.provider.synced).toBe(true))
    // More changes than the compaction threshold, so snapshot + log are both exercised.
    for (let i = 0; i < 50; i++) appendParagraph(a.doc, `第${i}段`)
    const reader = connectClient(server, id, token)
    clients.push(reader)
    await eventually(() => expect(reader.text()).toContain('第49段'))
    const before = a.text()
    // The log was folded into the snapshot along the way (threshold 20 rows).
    const { openDatabase } = await import('../../server/db/database')
    const db = openDatabase(server.dataDir)
    try {
      await eventually(() => {
        const rows = db.prepare('SELECT COUNT(*) AS n FROM updates WHERE document_id = ?').get(id) as { n: number }
        expect(rows.n).toBeLessThanOrEqual(21)
      })
      // While the room is still open, storage (snapshot + rows since) already holds all of it.
      const stored = loadYDoc(db, id)!
      expect(yDocToDocJson(stored)).toEqual(yDocToDocJson(a.doc))
      stored.destroy()
    } finally {
      db.close()
    }

    const closes = a.closeCodes.length
    a.provider.shouldConnect = false
    await server.restart()
    await eventually(() => expect(a.closeCodes.length).toBeGreaterThan(closes))
    expect(a.closeCodes.at(-1)).toBe(1012)

    const after = connectClient(server, id, token)
    clients.push(after)
    await eventually(() => expect(after.provider.synced).toBe(true))
    expect(after.text()).toBe(before)
    const listed = await server.api('GET', '/api/documents', { token })
    expect(listed.body.map((d: { id: string }) => d.id)).toContain(id)
  })

  it('keeps changes written while a room is open when the process stops without closing it', async () => {
    const token = await server.user('crasher')
    const id = await server.createDocument(token, { title: '崩溃' })
    const a = connectClient(server, id, token)
    clients.push(a)
    await eventually(() => expect(a.provider.synced).toBe(true))
    appendParagraph(a.doc, '崩溃前写入')
    const watcher = connectClient(server, id, token)
    clients.push(watcher)
    // Relayed means stored: once another client has it, a crash cannot lose it.
    await eventually(() => expect(watcher.text()).toContain('崩溃前写入'))
    const { openDatabase } = await import('../../server/db/database')
    const { loadYDoc } = await import('../../server/db/updates')
    const { fragmentText } = await import('../helpers/server')
    const db = openDatabase(server.dataDir)
    try {
      expect(fragmentText(loadYDoc(db, id)!)).toContain('崩溃前写入')
    } finally {
      db.close()
    }
  })
})
