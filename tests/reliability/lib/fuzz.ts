import type net from 'node:net'
import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import * as encoding from 'lib0/encoding'
import { QUERY_AWARENESS, appendParagraph, awarenessMessage, rawClient, syncStep1Message, updateMessage, type RawClient } from './clients'

/** Close codes a fuzzed message may legitimately end a connection with. */
export const EXPECTED_CLOSES = new Set([1002, 1007, 1009, 4400, 4410, 4413, 4502])

export interface FuzzStats {
  cases: number
  /** Cases after which the server still answered on the same connection. */
  answered: number
  /** How the other cases ended, by close code. */
  closes: Record<number, number>
}

/** Valid messages to mutate: real updates, sync steps and awareness from a scratch editor. */
function corpus(): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < 6; i++) appendParagraph(doc, `第${i}段：全县统计工作稳中有进。`)
  const text = doc.getXmlFragment('default').get(0) as Y.XmlElement
  ;(text.get(0) as Y.XmlText).insert(2, '插入', { bold: true })
  ;(text.get(0) as Y.XmlText).delete(0, 3)
  const messages = updates.map(updateMessage)
  messages.push(updateMessage(Y.encodeStateAsUpdate(doc)))
  messages.push(syncStep1Message(doc))
  const step2 = encoding.createEncoder()
  encoding.writeVarUint(step2, 0)
  encoding.writeVarUint(step2, 1)
  encoding.writeVarUint8Array(step2, Y.encodeStateAsUpdate(doc))
  messages.push(encoding.toUint8Array(step2))
  messages.push(awarenessMessage([{ clientId: 77, clock: 1, state: { user: { name: '某人' }, cursor: null } }]))
  messages.push(QUERY_AWARENESS)
  doc.destroy()
  return messages
}

/** A WebSocket frame built by hand, so the fuzzer can set what a well-behaved client never would. */
function frame(gen: prng.PRNG, opcode: number, payload: Uint8Array, { fin = true, rsv = 0, masked = true } = {}): Buffer {
  const head: number[] = [(fin ? 0x80 : 0) | (rsv << 4) | opcode]
  const maskBit = masked ? 0x80 : 0
  if (payload.length < 126) head.push(maskBit | payload.length)
  else head.push(maskBit | 126, payload.length >> 8, payload.length & 0xff)
  const mask = masked ? prng.uint8Array(gen, 4) : new Uint8Array(0)
  const body = Buffer.from(payload)
  if (masked) for (let i = 0; i < body.length; i++) body[i] ^= mask[i % 4]
  return Buffer.concat([Buffer.from(head), Buffer.from(mask), body])
}

type Case = { kind: 'message'; data: Uint8Array } | { kind: 'text'; data: string } | { kind: 'raw'; data: Buffer }

function flipBits(gen: prng.PRNG, message: Uint8Array): Uint8Array {
  const copy = message.slice()
  const flips = prng.int32(gen, 1, 4)
  for (let i = 0; i < flips && copy.length > 0; i++) copy[prng.int32(gen, 0, copy.length - 1)] ^= 1 << prng.int32(gen, 0, 7)
  return copy
}

function makeCase(gen: prng.PRNG, messages: Uint8Array[]): Case {
  const valid = () => prng.oneOf(gen, messages)
  switch (prng.int32(gen, 0, 12)) {
    case 0:
      return { kind: 'message', data: prng.uint8Array(gen, prng.int32(gen, 1, 64)) }
    case 1:
      return { kind: 'message', data: new Uint8Array(0) }
    case 2: {
      const prefix = new Uint8Array([prng.int32(gen, 0, 3), prng.int32(gen, 0, 3)])
      return { kind: 'message', data: new Uint8Array([...prefix, ...prng.uint8Array(gen, prng.int32(gen, 0, 48))]) }
    }
    case 3: {
      const message = valid()
      return { kind: 'message', data: message.slice(0, prng.int32(gen, 0, Math.max(0, message.length - 1))) }
    }
    case 4:
      return { kind: 'message', data: flipBits(gen, valid()) }
    case 5: {
      // A damaged Yjs update inside correct framing: only Yjs itself can refuse it.
      const update = valid().slice(2)
      return { kind: 'message', data: updateMessage(flipBits(gen, update)) }
    }
    case 6: {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, prng.int32(gen, 4, 100_000))
      encoding.writeUint8Array(encoder, prng.uint8Array(gen, prng.int32(gen, 0, 16)))
      return { kind: 'message', data: encoding.toUint8Array(encoder) }
    }
    case 7: {
      // A length prefix claiming far more than the message holds.
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, prng.int32(gen, 0, 1))
      encoding.writeVarUint(encoder, prng.int32(gen, 0, 2))
      encoding.writeVarUint(encoder, prng.int32(gen, 1 << 20, 2 ** 31 - 1))
      encoding.writeUint8Array(encoder, prng.uint8Array(gen, 8))
      return { kind: 'message', data: encoding.toUint8Array(encoder) }
    }
    case 8: {
      const states = [prng.utf16String(gen, 20), '{"user":', 'null', '[1,2]', '"x"', JSON.stringify({ user: { name: prng.word(gen, 1, 8) } })]
      const inner = encoding.createEncoder()
      encoding.writeVarUint(inner, 1)
      encoding.writeVarUint(inner, prng.uint32(gen, 0, 2 ** 32 - 1))
      encoding.writeVarUint(inner, prng.int32(gen, 0, 5))
      encoding.writeVarString(inner, prng.oneOf(gen, states))
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
      return { kind: 'message', data: encoding.toUint8Array(encoder) }
    }
    case 9:
      return { kind: 'text', data: prng.utf16String(gen, 30) }
    case 10: {
      const payload = prng.uint8Array(gen, prng.int32(gen, 0, 40))
      const variant = prng.int32(gen, 0, 5)
      if (variant === 0) return { kind: 'raw', data: frame(gen, 2, payload, { rsv: prng.int32(gen, 1, 7) }) }
      if (variant === 1) return { kind: 'raw', data: frame(gen, prng.oneOf(gen, [3, 4, 5, 6, 7, 11, 12, 13, 14, 15]), payload) }
      if (variant === 2) return { kind: 'raw', data: frame(gen, 2, payload, { masked: false }) }
      if (variant === 3) return { kind: 'raw', data: frame(gen, 9, payload, { fin: false }) }
      if (variant === 4) return { kind: 'raw', data: frame(gen, 1, new Uint8Array([0xc3, 0x28, 0xff, 0xfe])) }
      return { kind: 'raw', data: frame(gen, 0, payload) }
    }
    case 11: {
      // A plausible update from an unknown client starting far ahead: it waits for missing parts.
      const doc = new Y.Doc()
      doc.clientID = prng.uint32(gen, 1, 2 ** 32 - 1)
      appendParagraph(doc, prng.word(gen, 1, 8))
      const update = Y.encodeStateAsUpdate(doc)
      doc.destroy()
      return { kind: 'message', data: updateMessage(flipBits(gen, update)) }
    }
    default: {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint8Array(encoder, prng.uint8Array(gen, prng.int32(gen, 0, 24)))
      return { kind: 'message', data: encoding.toUint8Array(encoder) }
    }
  }
}

/** Sends one case and waits until the server either answered a probe on that connection or closed it. */
async function runCase(socket: RawClient, fuzzCase: Case): Promise<number | undefined> {
  if (fuzzCase.kind === 'raw') (socket.ws as unknown as { _socket: net.Socket })._socket.write(fuzzCase.data)
  else socket.ws.send(fuzzCase.data, { binary: fuzzCase.kind === 'message' })
  // The server handles a connection's messages in order: an answer to the probe sent after the
  // case means the case was survived; a close means it was not. (A case that itself draws an
  // answer may let the verdict slip to the next case; the counts and codes are what is checked.)
  let onMessage: () => void = () => {}
  const answered = new Promise<undefined>((resolve) => (onMessage = () => resolve(undefined)))
  socket.ws.once('message', onMessage)
  if (socket.isOpen()) socket.ws.send(QUERY_AWARENESS)
  const outcome = await Promise.race([socket.closed.then((closed) => closed.code), answered])
  socket.ws.off('message', onMessage)
  return outcome
}

/**
 * Sends `cases` generated messages over connections to the given documents (round robin),
 * reconnecting whenever the server closed one. Throws on a close code the protocol does not
 * explain. The same seed always produces the same cases.
 */
export async function fuzzServer(wsUrl: string, targets: { documentId: string; token: string }[], seed: number, cases: number): Promise<FuzzStats> {
  const gen = prng.create(seed)
  const messages = corpus()
  const sockets = new Map<number, RawClient>()
  const stats: FuzzStats = { cases: 0, answered: 0, closes: {} }
  try {
    for (let i = 0; i < cases; i++) {
      const slot = i % targets.length
      let socket = sockets.get(slot)
      if (!socket || !socket.isOpen()) {
        socket = await rawClient(wsUrl, targets[slot].documentId, targets[slot].token)
        sockets.set(slot, socket)
      }
      const fuzzCase = makeCase(gen, messages)
      const code = await runCase(socket, fuzzCase)
      stats.cases++
      if (code === undefined) stats.answered++
      else {
        stats.closes[code] = (stats.closes[code] ?? 0) + 1
        if (!EXPECTED_CLOSES.has(code)) {
          throw new Error(`case ${i} (seed ${seed}) closed with unexpected code ${code}: ${JSON.stringify({ kind: fuzzCase.kind, data: Buffer.from(fuzzCase.data as Uint8Array).toString('hex') })}`)
        }
      }
    }
  } finally {
    for (const socket of sockets.values()) socket.ws.terminate()
  }
  return stats
}
