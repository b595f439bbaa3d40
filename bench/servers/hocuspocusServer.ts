// The Hocuspocus reference server (@hocuspocus/server), in memory, default settings (it batches
// broadcasts per event-loop turn). With BENCH_LOAD_FILE set, documents load from that update.
import fs from 'node:fs'
import * as Y from 'yjs'
import { Server } from '@hocuspocus/server'

const port = Number(process.env.PORT)
const loadFile = process.env.BENCH_LOAD_FILE

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  async onLoadDocument({ document }) {
    if (loadFile) Y.applyUpdate(document, new Uint8Array(fs.readFileSync(loadFile)))
    return document
  },
})
await server.listen()
process.stdout.write(JSON.stringify({ type: 'listening', port }) + '\n')
// Exits normally on SIGTERM, so that --cpu-prof (BENCH_CPU_PROF) writes its profile.
process.on('SIGTERM', () => process.exit(0))
