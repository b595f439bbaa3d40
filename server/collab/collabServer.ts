import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Db } from '../db/database'
import { CloseCodes } from '../../shared/closeCodes'
import { log } from '../log'
import { authorize, parseUpgrade } from './authorize'
import { Connection } from './connection'
import type { Rooms } from './rooms'

const PING_INTERVAL_MS = 30_000

/** The /collab WebSocket endpoint: authorises at the upgrade, then hands messages to rooms. */
export class CollabServer {
  private readonly wss: WebSocketServer
  private readonly pinger: NodeJS.Timeout

  constructor(
    private readonly db: Db,
    private readonly rooms: Rooms,
    maxPayload: number,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload })
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
    const decision = authorize(this.db, target.documentId, target.token)
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (error) => log.debug('websocket error', { error }))
      if (!decision.ok) {
        ws.close(decision.code, decision.reason)
        return
      }
      this.attach(ws, target.documentId, new Connection(ws, decision.user, decision.role))
    })
    return true
  }

  private attach(ws: WebSocket, documentId: string, connection: Connection): void {
    let room
    try {
      room = this.rooms.open(documentId)
    } catch (error) {
      log.error('loading a document failed', { room: documentId, error })
      ws.close(CloseCodes.DocumentUnavailable.code, CloseCodes.DocumentUnavailable.reason)
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
    ws.on('message', (data, isBinary) => {
      if (!isBinary || joined.broken) return
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
      const ok = joined.receive(connection, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
      if (!ok) connection.close(CloseCodes.BadMessage.code, CloseCodes.BadMessage.reason)
    })
    ws.on('close', () => {
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
    await new Promise<void>((resolve) => this.wss.close(() => resolve()))
  }
}
