import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolveConfig, type Config } from './config'
import { openDatabase } from './db/database'
import { Rooms } from './collab/rooms'
import { DocumentEvents } from './events/documentEvents'
import { CollabServer } from './collab/collabServer'
import { createRequestHandler } from './http/api'
import { CloseCodes } from '../shared/closeCodes'
import { log } from './log'
import { ensureAdmin } from './bootstrap'
import { enforceHeaderDeadline } from './http/headerDeadline'

export interface RunningServer {
  url: string
  port: number
  /** Set when this start created `admin` with a random password (first start, no HEGAO_ADMIN_PASSWORD). */
  createdAdminPassword?: string
  close(): Promise<void>
  /** What is held open right now: rooms, sockets, listeners, timers, memory (leak checks, soak). */
  stats(): ServerStats
}

export interface ServerStats {
  rooms: number
  roomConnections: number
  compactionsPending: number
  sockets: number
  users: number
  handshakes: number
  eventListeners: number
  timers: number
  heapUsed: number
  rss: number
}

/** Starts the HTTP API, the static client and the /collab WebSocket endpoint on one port. */
export async function startServer(partial: Partial<Config> = {}): Promise<RunningServer> {
  const config = resolveConfig(partial)
  const db = openDatabase(config.dataDir)
  // A locked database blocks the whole process while it waits: keep the wait bounded.
  db.pragma(`busy_timeout = ${config.busyTimeoutMs}`)
  const { createdPassword } = ensureAdmin(db, config)
  const rooms = new Rooms(db, config.compactAfter, config.maxPendingBytes, config.relayWindowMs)
  const collab = new CollabServer(db, rooms, config)
  const events = new DocumentEvents()
  const server = http.createServer(createRequestHandler({ config, db, rooms, events }))
  // A request (or WebSocket upgrade) whose headers never finish is dropped after this.
  enforceHeaderDeadline(server, config.handshakeTimeoutMs)
  server.on('upgrade', (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy()
  })
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
  })

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(config.port, config.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    db.close()
    throw error
  }
  const port = (server.address() as AddressInfo).port
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  const url = `http://${host}:${port}`

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      // Store every open document first, then tell clients to come back later.
      const { code, reason } = CloseCodes.ServerRestarting
      rooms.closeAll(code, reason)
      await collab.close()
      server.closeAllConnections()
      await stopped
      db.close()
      log.info('server stopped')
    })())

  const stats = (): ServerStats => {
    const memory = process.memoryUsage()
    const room = rooms.stats()
    const sockets = collab.stats()
    return {
      rooms: room.rooms,
      roomConnections: room.connections,
      compactionsPending: room.compactionsPending,
      ...sockets,
      eventListeners: events.size,
      timers: process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length,
      heapUsed: memory.heapUsed,
      rss: memory.rss,
    }
  }

  return { url, port, createdAdminPassword: createdPassword, close, stats }
}
