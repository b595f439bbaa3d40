import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { WebSocket } from 'ws'
import { closeCodeByNumber } from '../../../shared/closeCodes'
import { appendParagraph, fragmentText, openClient, type TestClient } from '../../helpers/server'
import { loadYDoc } from '../../../server/db/updates'
import type { ServerProcess } from './serverProcess'

export { appendParagraph, fragmentText }

export interface YClient extends TestClient {
  /** The body's paragraphs, one string each. */
  paragraphs(): string[]
}

/** A y-websocket client that reconnects exactly as the browser editor does (shared close-code table). */
export function yClient(wsUrl: string, documentId: string, token: string, options: { connect?: boolean } = {}): YClient {
  const client = openClient(wsUrl, documentId, token, { ...options, shouldReconnect: (event) => closeCodeByNumber(event.code)?.retry ?? true })
  return {
    ...client,
    paragraphs: () => {
      const text = client.text()
      return text === '' ? [] : text.split('\n')
    },
  }
}

/** A bare WebSocket to /collab that sends whatever a test (or the fuzzer) wants. */
export interface RawClient {
  ws: WebSocket
  /** Binary messages received so far. */
  received: Uint8Array[]
  /** Resolves with the close code once the connection is closed (1006 if it was dropped). */
  closed: Promise<{ code: number; reason: string }>
  isOpen(): boolean
}

export function rawClient(wsUrl: string, documentId: string, token: string): Promise<RawClient> {
  const ws = new WebSocket(`${wsUrl}/${documentId}?token=${encodeURIComponent(token)}`, { perMessageDeflate: false })
  const received: Uint8Array[] = []
  let closedWith: { code: number; reason: string } | undefined
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => {
      closedWith = { code, reason: reason.toString() }
      resolve(closedWith)
    }),
  )
  ws.on('error', () => {
    // The close event reports the outcome; errors here are expected (fuzzing, drops).
  })
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, received, closed, isOpen: () => ws.readyState === ws.OPEN }))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)))
    void closed.then((c) => reject(new Error(`closed before open: ${c.code}`)))
  })
}

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** An awareness message with hand-written entries (so a test can claim any client id). */
export function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId)
    encoding.writeVarUint(inner, entry.clock)
    encoding.writeVarString(inner, JSON.stringify(entry.state))
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
}

/** Message type 3: the server answers with everyone's awareness; used as a "still there?" probe. */
export const QUERY_AWARENESS = new Uint8Array([3])

/** The text of what a Y.Doc update would show, read into a scratch doc. */
export function textOfState(update: Uint8Array): string {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const text = fragmentText(doc)
  doc.destroy()
  return text
}

/** The body text of a document as SQLite holds it, read with the server's own loader. */
export function storedText(server: ServerProcess, documentId: string): string {
  const db = server.openDb()
  try {
    const ydoc = loadYDoc(db, documentId)!
    const text = fragmentText(ydoc)
    ydoc.destroy()
    return text
  } finally {
    db.close()
  }
}
