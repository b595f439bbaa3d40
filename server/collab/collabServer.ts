import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Db } from '../db/database'
import { CloseCodes } from '../../shared/closeCodes'
import { log } from '../log'
import { authorize, parseUpgrade } from './authorize'
import { Connection } from './connection'
import type { Rooms } from './rooms'
import { CorruptDocumentError } from '../db/updates'

const PING_INTERVAL_MS = 30_000

/** The limits the endpoint enforces per connection and per account (see server/config.ts). */
export interface CollabLimits {
  maxMessageBytes: number
  maxConnectionsPerUser: number
  handshakeTimeoutMs: number
  maxBufferedBytes: number
}

/** The /collab WebSocket endpoint: authorises at the upgrade, then hands messages to rooms. */
export class CollabServer {
  private readonly wss: WebSocketServer
  private readonly pinger: NodeJS.Timeout
  /** Open connections per account, for the per-user limit. */
  private readonly perUser = new Map<string, number>()
  /** Connections that have not yet sent their first message. */
  private readonly handshakes = new Map<WebSocket, NodeJS.Timeout>()

  constructor(
    private readonly db: Db,
    private readonly rooms: Rooms,
    private readonly limits: CollabLimits,
  ) {
    // maxPayload makes ws refuse an oversized frame (1009) from its header, before buffering it;
    // no compression is offered, so there is nothing to inflate (no compression bombs).
    this.wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false })
    this.wss.on('error', (error) => log.error('websocket server error', { error }))
    // Detects peers that vanished without closing (laptop lid shut, network gone).
    this.pinger = setInterval(() => {
      for (const ws of this.wss.clients) {
        const state = ws as WebSocket & { hegaoAlive?: boolean }
        if (state.hegaoAlive === false) {
          ws.terminate()
          continue
        }
        state.hegaoAlive = false
        ws.ping()
      }
    }, PING_INTERVAL_MS)
    this.pinger.unref()
  }

  /** What is open right now (for leak checks after churn). */
  stats(): { sockets: number; users: number; handshakes: number } {
    return { sockets: this.wss.clients.size, users: this.perUser.size, handshakes: this.handshakes.size }
  }

  /** Handles an HTTP upgrade; returns false if the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith('/collab/')) return false
    socket.on('error', (error) => log.debug('upgrade socket error', { error }))
    const target = parseUpgrade(req)
    if (!target) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return true
    }
    // Decided before anything is loaded; the refusal is sent as a close code after the
    // handshake, because a browser cannot read the status of a refused upgrade.
    const decision = target.outdated ? { ok: false as const, ...CloseCodes.EditorOutdated } : authorize(this.db, target.documentId, target.token)
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (error) => log.debug('websocket error', { error }))
      if (!decision.ok) {
        ws.close(decision.code, decision.reason)
        return
      }
      const username = decision.user.username
      const open = this.perUser.get(username) ?? 0
      if (open >= this.limits.maxConnectionsPerUser) {
        ws.close(CloseCodes.TooManyConnections.code, CloseCodes.TooManyConnections.reason)
        return
      }
      this.perUser.set(username, open + 1)
      ws.once('close', () => {
        const left = (this.perUser.get(username) ?? 1) - 1
        if (left > 0) this.perUser.set(username, left)
        else this.perUser.delete(username)
      })
      this.attach(ws, target.documentId, new Connection(ws, socket, decision.user, decision.role, decision.session, this.limits.maxBufferedBytes))
    })
    return true
  }

  private attach(ws: WebSocket, documentId: string, connection: Connection): void {
    let room
    try {
      room = this.rooms.open(documentId)
    } catch (error) {
      // Damaged content is refused for good; a database that failed to answer may answer later.
      const refusal = error instanceof CorruptDocumentError ? CloseCodes.DocumentUnavailable : CloseCodes.StorageUnavailable
      log.error('loading a document failed; refused', { room: documentId, code: refusal.code, error })
      ws.close(refusal.code, refusal.reason)
      return
    }
    if (!room) {
      ws.close(CloseCodes.NotFound.code, CloseCodes.NotFound.reason)
      return
    }
    const joined = room
    const state = ws as WebSocket & { hegaoAlive?: boolean }
    state.hegaoAlive = true
    ws.on('pong', () => {
      state.hegaoAlive = true
    })
    // A client opens with its sync step 1; one that never speaks holds a slot for nothing.
    const handshake = setTimeout(() => {
      this.handshakes.delete(ws)
      connection.close(CloseCodes.HandshakeTimeout.code, CloseCodes.HandshakeTimeout.reason)
    }, this.limits.handshakeTimeoutMs)
    this.handshakes.set(ws, handshake)
    const handshakeDone = () => {
      const timer = this.handshakes.get(ws)
      if (!timer) return
      clearTimeout(timer)
      this.handshakes.delete(ws)
    }
    ws.on('message', (data, isBinary) => {
      handshakeDone()
      if (joined.broken) return
      // The protocol is binary only; a text frame is a client that does not speak it.
      if (!isBinary) {
        connection.close(CloseCodes.BadMessage.code, CloseCodes.BadMessage.reason)
        return
      }
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
      const refusal = joined.receive(connection, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
      if (refusal) connection.close(refusal.code, refusal.reason)
    })
    ws.on('close', () => {
      handshakeDone()
      joined.leave(connection)
      this.rooms.release(joined)
    })
    joined.join(connection)
    log.debug('collab connected', { room: documentId, user: connection.user.username, role: connection.role })
  }

  /** Waits briefly for the clients to acknowledge their close frames, then drops the rest. */
  async close(): Promise<void> {
    clearInterval(this.pinger)
    const deadline = Date.now() + 1000
    while (this.wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    for (const ws of this.wss.clients) ws.terminate()
    for (const timer of this.handshakes.values()) clearTimeout(timer)
    this.handshakes.clear()
    await new Promise<void>((resolve) => this.wss.close(() => resolve()))
  }
}
