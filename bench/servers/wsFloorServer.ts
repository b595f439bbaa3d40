// The floor: a bare `ws` relay with no Yjs at all. It answers a client's sync step 1 with a
// constant empty sync step 2 (so y-websocket clients count as synced) and forwards every other
// message unchanged to the other sockets on the same path.
import http from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'

const port = Number(process.env.PORT)
// messageSync(0), syncStep2(1), an empty update: varUint8Array of the 2-byte empty update [0, 0].
const EMPTY_SYNC_STEP_2 = new Uint8Array([0, 1, 2, 0, 0])

const rooms = new Map<string, Set<WebSocket>>()
const wss = new WebSocketServer({ noServer: true })
wss.on('connection', (ws, req) => {
  const name = (req.url ?? '/').split('?')[0]
  let room = rooms.get(name)
  if (!room) rooms.set(name, (room = new Set()))
  const peers = room
  peers.add(ws)
  ws.on('message', (data, isBinary) => {
    const bytes = data as Buffer
    if (bytes[0] === 0 && bytes[1] === 0) {
      ws.send(EMPTY_SYNC_STEP_2)
      return
    }
    for (const peer of peers) if (peer !== ws && peer.readyState === peer.OPEN) peer.send(bytes, { binary: isBinary })
  })
  ws.on('close', () => peers.delete(ws))
})
const server = http.createServer((_req, res) => res.end('okay'))
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)))
server.listen(port, '127.0.0.1', () => process.stdout.write(JSON.stringify({ type: 'listening', port }) + '\n'))
// Exits normally on SIGTERM, so that --cpu-prof (BENCH_CPU_PROF) writes its profile.
process.on('SIGTERM', () => process.exit(0))
