// The y-websocket reference backend (@y/websocket-server), in memory. With BENCH_LOAD_FILE set,
// every document starts from that stored update, as a persistence layer would load it.
import http from 'node:http'
import fs from 'node:fs'
import * as Y from 'yjs'
import { WebSocketServer } from 'ws'
import { setupWSConnection, setPersistence } from '@y/websocket-server/utils'

const port = Number(process.env.PORT)
const loadFile = process.env.BENCH_LOAD_FILE
if (loadFile) {
  setPersistence({
    provider: null,
    bindState: async (_name: string, ydoc: Y.Doc) => Y.applyUpdate(ydoc, new Uint8Array(fs.readFileSync(loadFile))),
    writeState: async () => {},
  })
}

const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)
const server = http.createServer((_req, res) => res.end('okay'))
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)))
server.listen(port, '127.0.0.1', () => process.stdout.write(JSON.stringify({ type: 'listening', port }) + '\n'))
// Exits normally on SIGTERM, so that --cpu-prof (BENCH_CPU_PROF) writes its profile.
process.on('SIGTERM', () => process.exit(0))
