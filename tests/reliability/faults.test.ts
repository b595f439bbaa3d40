import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCodes } from '../../shared/closeCodes'
import { eventually } from '../helpers/retry'
import { appendParagraph, fragmentText, rawClient, storedText, yClient, type YClient } from './lib/clients'
import { spawnServer, type ServerProcess } from './lib/serverProcess'

let server: ServerProcess
let owner: string
const clients: YClient[] = []

beforeAll(async () => {
  // A short busy timeout: a locked database fails a write after 150 ms instead of 5 s.
  server = await spawnServer({ env: { HEGAO_BUSY_TIMEOUT_MS: '150' } })
  owner = await server.user('faults', '故障测试')
})
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.close()
})

const synced = (client: YClient) =>
  eventually(() => {
    if (!client.provider.synced) throw new Error('not synced')
  })


describe('a document whose stored content is damaged', () => {
  it('is refused with 4500 and left as stored, never replaced by an empty document', async () => {
    const id = await server.createDocument(owner, { title: '损坏的文档', text: '一、总体情况\n今年完成了各项任务。' })
    const healthy = await server.createDocument(owner, { title: '完好的文档', text: '正文完好。' })
    const db = server.openDb()
    const garbage = Buffer.from('this is not a yjs update at all, it is damage')
    try {
      db.prepare('UPDATE snapshots SET state = ? WHERE document_id = ?').run(garbage, id)
    } finally {
      db.close()
    }
    const client = await rawClient(server.wsUrl, id, owner)
    expect((await client.closed).code).toBe(CloseCodes.DocumentUnavailable.code)
    // The HTTP reading of the content fails too, rather than answering with an empty outline.
    const outline = await server.api('GET', `/api/documents/${id}/outline`, { token: owner })
    expect(outline.status).toBeGreaterThanOrEqual(500)
    expect(typeof outline.body.error).toBe('string')
    const check = server.openDb()
    try {
      const row = check.prepare('SELECT state FROM snapshots WHERE document_id = ?').get(id) as { state: Buffer }
      expect(Buffer.compare(row.state, garbage)).toBe(0)
      expect((check.prepare('SELECT COUNT(*) AS n FROM updates WHERE document_id = ?').get(id) as { n: number }).n).toBe(0)
    } finally {
      check.close()
    }
    expect(server.output.some((line) => line.includes('CorruptDocumentError') || line.includes('unreadable'))).toBe(true)
    // Other documents are served as before.
    const other = yClient(server.wsUrl, healthy, owner)
    clients.push(other)
    await eventually(() => expect(fragmentText(other.doc)).toContain('完好的文档'))
  })
})

describe('a database that is locked by another writer (SQLITE_BUSY)', () => {
  it('relays nothing it could not store, closes with a retryable code and loses nothing once the lock is gone', async () => {
    const id = await server.createDocument(owner, { title: '存储故障' })
    const writer = yClient(server.wsUrl, id, owner)
    const watcher = yClient(server.wsUrl, id, owner)
    clients.push(writer, watcher)
    await synced(writer)
    await synced(watcher)
    appendParagraph(writer.doc, '锁定之前')
    await eventually(() => expect(fragmentText(watcher.doc)).toContain('锁定之前'))

    const locker = server.openDb()
    locker.exec('BEGIN IMMEDIATE')
    try {
      const closes = writer.closeCodes.length
      appendParagraph(writer.doc, '锁定期间写入')
      await eventually(() => expect(writer.closeCodes.slice(closes)).toContain(CloseCodes.StorageUnavailable.code))
      // The clients retry on their own while the lock lasts; the watcher never gets what was not stored.
      await eventually(() => expect(writer.closeCodes.length).toBeGreaterThan(closes + 1), { timeout: 10_000 })
      expect(fragmentText(watcher.doc)).not.toContain('锁定期间写入')
    } finally {
      locker.exec('COMMIT')
      locker.close()
    }
    await eventually(() => expect(fragmentText(watcher.doc)).toContain('锁定期间写入'), { timeout: 10_000 })
    await eventually(() => expect(storedText(server, id)).toContain('锁定期间写入'))
    expect(storedText(server, id)).toContain('锁定之前')
  })
})

describe('SIGTERM', () => {
  it('stores everything, tells clients the server is restarting, and they come back by themselves', async () => {
    const id = await server.createDocument(owner, { title: '重启' })
    const typists = [0, 1, 2].map(() => yClient(server.wsUrl, id, owner))
    clients.push(...typists)
    for (const client of typists) await synced(client)
    typists.forEach((client, i) => {
      for (let n = 0; n < 20; n++) appendParagraph(client.doc, `t${i}n${n}`)
    })
    await eventually(() => {
      for (const client of typists) expect(fragmentText(client.doc).match(/t\dn\d+/g)?.length).toBe(60)
    })
    const exit = await server.kill('SIGTERM')
    expect(exit.code).toBe(0)
    for (const client of typists) expect(client.closeCodes).toContain(CloseCodes.ServerRestarting.code)
    const stored = storedText(server, id)
    for (let i = 0; i < 3; i++) for (let n = 0; n < 20; n++) expect(stored).toContain(`t${i}n${n}`)

    // Typed while the server is away: merged after it is back.
    appendParagraph(typists[0].doc, '重启期间写入')
    await server.restart()
    await eventually(() => {
      for (const client of typists) {
        expect(client.provider.synced).toBe(true)
        expect(fragmentText(client.doc)).toContain('重启期间写入')
      }
    }, { timeout: 15_000 })
    await eventually(() => expect(storedText(server, id)).toContain('重启期间写入'))
  })
})
