import net from 'node:net'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCodes } from '../../shared/closeCodes'
import { eventually } from '../helpers/retry'
import {
  QUERY_AWARENESS,
  appendParagraph,
  awarenessMessage,
  fragmentText,
  rawClient,
  syncStep1Message,
  updateMessage,
  yClient,
  type RawClient,
  type YClient,
} from './lib/clients'
import { spawnServer, type ServerProcess } from './lib/serverProcess'

const LIMITS = {
  HEGAO_MAX_MESSAGE_BYTES: String(64 * 1024),
  HEGAO_MAX_CONNECTIONS_PER_USER: '4',
  HEGAO_HANDSHAKE_TIMEOUT_MS: '500',
  HEGAO_MAX_BUFFERED_BYTES: String(256 * 1024),
  HEGAO_MAX_PENDING_BYTES: String(4 * 1024),
}

let server: ServerProcess
let owner: string
let documentId: string
const sockets: RawClient[] = []
const clients: YClient[] = []

beforeAll(async () => {
  server = await spawnServer({ env: LIMITS })
  owner = await server.user('limits', '限额测试')
  documentId = await server.createDocument(owner, { title: '限额' })
})
afterAll(async () => {
  for (const socket of sockets.splice(0)) socket.ws.terminate()
  for (const client of clients.splice(0)) client.destroy()
  await server?.close()
})

async function open(id = documentId, token = owner): Promise<RawClient> {
  const socket = await rawClient(server.wsUrl, id, token)
  sockets.push(socket)
  return socket
}

/** Resolves once the server answered a query-awareness probe: it is still reading this connection. */
async function answers(socket: RawClient): Promise<void> {
  const before = socket.received.length
  socket.ws.send(QUERY_AWARENESS)
  await eventually(() => expect(socket.received.length).toBeGreaterThan(before))
}

describe('message size', () => {
  it('closes with 1009 as soon as a frame header announces more than the limit, before the payload arrives', async () => {
    const socket = await open()
    // A masked binary frame announcing 100 MiB, followed by just a few bytes of it.
    const header = Buffer.alloc(14)
    header[0] = 0x82
    header[1] = 0x80 | 127
    header.writeBigUInt64BE(BigInt(100 * 1024 * 1024), 2)
    const raw = (socket.ws as unknown as { _socket: net.Socket })._socket
    raw.write(Buffer.concat([header, Buffer.alloc(16)]))
    expect((await socket.closed).code).toBe(CloseCodes.MessageTooBig.code)
  })

  it('closes with 1009 on a whole message over the limit and keeps serving others', async () => {
    const socket = await open()
    socket.ws.send(new Uint8Array(65 * 1024))
    expect((await socket.closed).code).toBe(1009)
    await answers(await open())
  })
})

describe('connections per user', () => {
  it('refuses the connection beyond the limit with 4429 and accepts again once one closes', async () => {
    const token = await server.user('many-tabs')
    const id = await server.createDocument(token, { title: '多个标签页' })
    const four = await Promise.all([0, 1, 2, 3].map(() => open(id, token)))
    const fifth = await open(id, token)
    expect((await fifth.closed).code).toBe(CloseCodes.TooManyConnections.code)
    four[0].ws.close()
    await four[0].closed
    await eventually(async () => {
      const again = await open(id, token)
      await answers(again)
    })
  })
})

describe('handshake timeout', () => {
  it('drops an upgrade request whose headers never finish', async () => {
    const socket = net.connect(server.port, '127.0.0.1')
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    socket.on('error', () => {})
    socket.write(`GET /collab/${documentId}?token=${owner} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n`)
    const started = Date.now()
    await closed
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('closes with 4408 a WebSocket that never sends its first sync message', async () => {
    const socket = await open()
    expect((await socket.closed).code).toBe(CloseCodes.HandshakeTimeout.code)
  })
})

describe('a client that stops reading', () => {
  it('is dropped once its send queue passes the cap, while the others go on', async () => {
    const id = await server.createDocument(owner, { title: '慢客户端' })
    const slow = await open(id)
    slow.ws.send(syncStep1Message(new Y.Doc()))
    const raw = (slow.ws as unknown as { _socket: net.Socket })._socket
    raw.pause()
    const writer = yClient(server.wsUrl, id, owner)
    clients.push(writer)
    await eventually(() => expect(writer.provider.synced).toBe(true))
    const chunk = '文'.repeat(12_000)
    const dropped = () => server.output.some((line) => line.includes('collab client too slow'))
    // Write until the server gives up on the slow reader (the kernel buffers some MiB first).
    for (let i = 0; i < 600 && !dropped(); i++) {
      appendParagraph(writer.doc, `${i}${chunk}`)
      if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve))
    }
    await eventually(() => expect(dropped()).toBe(true), { timeout: 15_000 })
    raw.resume()
    expect((await slow.closed).code).toBe(1006)
    // The writer was never affected, and a new reader gets everything.
    const reader = yClient(server.wsUrl, id, owner)
    clients.push(reader)
    await eventually(() => expect(fragmentText(reader.doc).length).toBe(fragmentText(writer.doc).length), { timeout: 15_000 })
    expect(writer.closeCodes).toEqual([])
  }, 45_000)
})

describe('updates with missing dependencies', () => {
  it('holds a few back but closes with 4413 beyond the pending cap, storing none of them', async () => {
    const id = await server.createDocument(owner, { title: '缺失依赖' })
    const socket = await open(id)
    socket.ws.send(syncStep1Message(new Y.Doc()))
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (update: Uint8Array) => updates.push(update))
    const text = source.getText('scratch')
    for (let i = 0; i < 12; i++) text.insert(text.length, '缺'.repeat(400))
    // Never send the first: everything after it waits for it.
    socket.ws.send(updateMessage(updates[1]))
    await answers(socket)
    for (const update of updates.slice(2)) socket.ws.send(updateMessage(update))
    expect((await socket.closed).code).toBe(CloseCodes.PendingTooLarge.code)
    const db = server.openDb()
    try {
      expect((db.prepare('SELECT COUNT(*) AS n FROM updates WHERE document_id = ?').get(id) as { n: number }).n).toBe(0)
    } finally {
      db.close()
    }
  })
})

describe('awareness', () => {
  it('stamps the authenticated identity: a client cannot take over another client id or user name', async () => {
    const victimToken = await server.user('alice', '王秀英')
    const attackerToken = await server.user('mallory', '李明')
    const id = await server.createDocument(owner, { title: '在线状态' })
    await server.share(owner, id, 'alice', 'editor')
    await server.share(owner, id, 'mallory', 'editor')
    const victim = yClient(server.wsUrl, id, victimToken)
    const observer = yClient(server.wsUrl, id, owner)
    clients.push(victim, observer)
    victim.provider.awareness.setLocalStateField('user', { name: '王秀英', username: 'alice', color: '#123456' })
    const victimId = victim.doc.clientID
    await eventually(() => expect(observer.provider.awareness.getStates().get(victimId)).toBeDefined())

    const attacker = await open(id, attackerToken)
    attacker.ws.send(syncStep1Message(new Y.Doc()))
    const ownId = 424242
    attacker.ws.send(
      awarenessMessage([
        { clientId: victimId, clock: 9999, state: { user: { name: '假冒', username: 'alice' } } },
        { clientId: ownId, clock: 1, state: { user: { name: '王秀英', username: 'alice', color: '#ff0000' } } },
      ]),
    )
    await eventually(() => expect(observer.provider.awareness.getStates().get(ownId)).toBeDefined())
    expect(observer.provider.awareness.getStates().get(ownId)?.user).toEqual({ color: '#ff0000', name: '李明', username: 'mallory' })
    expect(observer.provider.awareness.getStates().get(victimId)?.user).toEqual({ color: '#123456', name: '王秀英', username: 'alice' })
  })
})

describe('upgrade requests', () => {
  const counts = () => {
    const db = server.openDb()
    try {
      return ['documents', 'snapshots', 'updates', 'members'].map((table) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n)
    } finally {
      db.close()
    }
  }

  it('refuses bad, foreign and malformed requests before any document is created or any row written', async () => {
    const stranger = await server.user('stranger')
    const before = counts()
    await expect(rawClient(server.wsUrl, documentId, 'not-a-token').then((s) => s.closed)).resolves.toMatchObject({ code: CloseCodes.Unauthorized.code })
    await expect(rawClient(server.wsUrl, documentId, stranger).then((s) => s.closed)).resolves.toMatchObject({ code: CloseCodes.Forbidden.code })
    await expect(rawClient(server.wsUrl, 'no-such-document', owner).then((s) => s.closed)).resolves.toMatchObject({ code: CloseCodes.NotFound.code })
    await expect(rawClient(server.wsUrl, 'a'.repeat(65), owner)).rejects.toThrow(/HTTP 400/)
    await expect(rawClient(server.wsUrl, "x'%20OR%201=1--", owner)).rejects.toThrow(/HTTP 400/)
    await expect(rawClient(server.wsUrl, '..%2F..%2Fetc%2Fpasswd', owner)).rejects.toThrow(/HTTP 400/)
    expect(counts()).toEqual(before)
  })
})
