import { afterEach, expect, it } from 'vitest'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocket, WebSocketServer } from 'ws'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { binaryFrame } from '../../server/collab/frame'
import { updateMessageHeader } from '../../server/collab/protocol'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

/** Every payload length class of RFC 6455 (7-bit, 16-bit, 64-bit) and their edges. */
const sizes = [0, 1, 125, 126, 65_535, 65_536, 200_000]

function payload(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff
  return bytes
}

it('frames that a real ws client reads as the same binary messages, in order with ws.send', async () => {
  const messages = sizes.map((size, i) => payload(size, i))
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
  const server = http.createServer()
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Each message framed by us and written to the socket, then the same through ws.send.
      for (const message of messages) {
        socket.write(binaryFrame(message))
        ws.send(message)
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => {
    for (const ws of wss.clients) ws.terminate()
    return new Promise((resolve) => server.close(() => resolve()))
  })
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`)
  closers.push(async () => client.terminate())
  const received: { data: Buffer; binary: boolean }[] = []
  await new Promise<void>((resolve, reject) => {
    client.on('error', reject)
    client.on('close', (code) => reject(new Error(`closed with ${code}`)))
    client.on('message', (data, binary) => {
      received.push({ data: data as Buffer, binary })
      if (received.length === 2 * messages.length) resolve()
    })
  })
  const expected = messages.flatMap((message) => [message, message])
  expect(received.map((m) => m.binary)).toEqual(expected.map(() => true))
  expect(received.map((m) => m.data.byteLength)).toEqual(expected.map((m) => m.byteLength))
  received.forEach((m, i) => expect(new Uint8Array(m.data)).toEqual(expected[i]))
})

it('uses the shortest length encoding', () => {
  expect([...binaryFrame(payload(3, 0)).subarray(0, 2)]).toEqual([0x82, 3])
  expect([...binaryFrame(payload(300, 0)).subarray(0, 4)]).toEqual([0x82, 126, 1, 44])
  expect([...binaryFrame(payload(65_536, 0)).subarray(0, 10)]).toEqual([0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0])
})

it('frames a message given in parts as the message they make together', () => {
  const [head, tail] = [payload(2, 1), payload(300, 2)]
  expect(binaryFrame(head, tail)).toEqual(binaryFrame(new Uint8Array([...head, ...tail])))
})

it('frames a relayed update as the y-protocols update message, for every varint length of it', () => {
  for (const size of [0, 1, 127, 128, 16_383, 16_384, 200_000]) {
    const update = payload(size, size)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeUpdate(encoder, update)
    expect(binaryFrame(updateMessageHeader(size), update)).toEqual(binaryFrame(encoding.toUint8Array(encoder)))
  }
})
