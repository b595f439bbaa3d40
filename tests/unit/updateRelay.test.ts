import { afterEach, expect, it } from 'vitest'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { binaryFrame } from '../../server/collab/frame'
import { Connection } from '../../server/collab/connection'
import { UpdateRelay } from '../../server/collab/updateRelay'
import { eventually } from '../helpers/retry'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

/** What one client received: each message with when it came, and the writes its server socket made. */
interface Peer {
  connection: Connection
  received: { text: string; at: number }[]
  writes: () => number
}

/** `count` real WebSocket clients of a real server, each behind a room Connection. */
async function peers(count: number): Promise<Peer[]> {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
  const server = http.createServer()
  const accepted: { ws: import('ws').WebSocket; socket: Duplex; writes: number }[] = []
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const entry = { ws, socket, writes: 0 }
      // Counts the socket writes the relay makes (ws's own handshake is done by now).
      const write = socket.write.bind(socket) as (...args: unknown[]) => boolean
      socket.write = ((...args: unknown[]) => {
        entry.writes++
        return write(...args)
      }) as typeof socket.write
      accepted.push(entry)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => {
    for (const ws of wss.clients) ws.terminate()
    return new Promise((resolve) => server.close(() => resolve()))
  })
  const result: Peer[] = []
  for (let i = 0; i < count; i++) {
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`)
    closers.push(async () => client.terminate())
    const received: Peer['received'] = []
    client.on('message', (data) => received.push({ text: String(data), at: performance.now() }))
    await new Promise((resolve) => client.once('open', resolve))
    await eventually(() => expect(accepted.length).toBe(i + 1))
    const entry = accepted[i]
    const connection = new Connection(entry.ws, entry.socket, { username: `u${i}`, displayName: `u${i}`, admin: false }, 'editor', `s${i}`)
    result.push({ connection, received, writes: () => entry.writes })
  }
  return result
}

const frame = (text: string) => binaryFrame(new TextEncoder().encode(text))
const texts = (peer: Peer) => peer.received.map((m) => m.text)
const WINDOW_MS = 150

it('relays an update after a quiet moment at once, and those close behind it together at the end of the window', async () => {
  const [a, b, c] = await peers(3)
  const relay = new UpdateRelay(new Set([a.connection, b.connection, c.connection]), WINDOW_MS)
  closers.push(async () => relay.destroy())
  const sentAt = performance.now()
  relay.send(frame('1'), a.connection)
  relay.send(frame('2'), b.connection)
  relay.send(frame('3'), a.connection)
  // At once: the first update, to everyone but its sender.
  expect([a.writes(), b.writes(), c.writes()]).toEqual([0, 1, 1])
  await eventually(() => expect(texts(c)).toEqual(['1', '2', '3']))
  expect(texts(b)).toEqual(['1', '3'])
  expect(texts(a)).toEqual(['2'])
  // The others waited for the window's end and went out in one write per connection.
  expect([a.writes(), b.writes(), c.writes()]).toEqual([1, 2, 2])
  expect(c.received[1].at - sentAt).toBeGreaterThanOrEqual(WINDOW_MS - 5)
  expect(c.received[2].at - c.received[1].at).toBeLessThan(WINDOW_MS / 2)
})

it('relays at once again once a window passed with nothing to send', async () => {
  const [a, b] = await peers(2)
  const relay = new UpdateRelay(new Set([a.connection, b.connection]), WINDOW_MS)
  closers.push(async () => relay.destroy())
  relay.send(frame('1'), a.connection)
  relay.send(frame('2'), a.connection)
  // The window that sent '2' ends with nothing waiting; after it, '3' is not held.
  await new Promise((resolve) => setTimeout(resolve, 3 * WINDOW_MS))
  expect(texts(b)).toEqual(['1', '2'])
  relay.send(frame('3'), a.connection)
  expect(b.writes()).toBe(3)
  await eventually(() => expect(texts(b)).toEqual(['1', '2', '3']))
})

it('sends nothing held to a connection that left the room before the window ended', async () => {
  const [a, b, c] = await peers(3)
  const connections = new Set([a.connection, b.connection, c.connection])
  const relay = new UpdateRelay(connections, WINDOW_MS)
  closers.push(async () => relay.destroy())
  relay.send(frame('1'), a.connection)
  relay.send(frame('2'), a.connection)
  connections.delete(c.connection)
  await eventually(() => expect(texts(b)).toEqual(['1', '2']))
  expect(texts(c)).toEqual(['1'])
  expect(c.writes()).toBe(1)
})

it('sends presence at once, but behind the updates waiting for a connection', async () => {
  const [a, b, c] = await peers(3)
  const relay = new UpdateRelay(new Set([a.connection, b.connection, c.connection]), WINDOW_MS)
  closers.push(async () => relay.destroy())
  relay.sendBehindWaiting(frame('p0'))
  expect([a.writes(), b.writes(), c.writes()]).toEqual([1, 1, 1])
  relay.send(frame('1'), a.connection)
  relay.send(frame('2'), b.connection)
  // '2' waits for a and c; b, its sender, has nothing waiting and gets the presence at once.
  relay.sendBehindWaiting(frame('p1'))
  expect([a.writes(), b.writes(), c.writes()]).toEqual([1, 3, 2])
  await eventually(() => expect(texts(c)).toEqual(['p0', '1', '2', 'p1']))
  expect(texts(a)).toEqual(['p0', '2', 'p1'])
  expect(texts(b)).toEqual(['p0', '1', 'p1'])
})

it('relays every update at once with a window of 0', async () => {
  const [a, b] = await peers(2)
  const relay = new UpdateRelay(new Set([a.connection, b.connection]), 0)
  for (const text of ['1', '2', '3']) relay.send(frame(text), a.connection)
  expect(b.writes()).toBe(3)
  await eventually(() => expect(texts(b)).toEqual(['1', '2', '3']))
})
