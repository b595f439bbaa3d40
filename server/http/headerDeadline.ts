import type { Server } from 'node:http'
import type { Socket } from 'node:net'

/**
 * Drops a connection whose first request (or WebSocket upgrade) has not arrived whole within
 * `ms`: a client that opens sockets and trickles half a header would otherwise hold them
 * forever. Node's own headersTimeout is checked only every few seconds and not for upgrades.
 */
export function enforceHeaderDeadline(server: Server, ms: number): void {
  const deadlines = new WeakMap<Socket, NodeJS.Timeout>()
  const arrived = (socket: Socket) => {
    const timer = deadlines.get(socket)
    if (!timer) return
    clearTimeout(timer)
    deadlines.delete(socket)
  }
  server.on('connection', (socket: Socket) => {
    deadlines.set(
      socket,
      setTimeout(() => {
        deadlines.delete(socket)
        socket.destroy()
      }, ms),
    )
    socket.once('close', () => arrived(socket))
  })
  server.on('request', (req) => arrived(req.socket as Socket))
  server.prependListener('upgrade', (req) => arrived(req.socket as Socket))
}
