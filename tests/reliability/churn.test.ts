import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { churn } from './lib/churn'
import { spawnServer, type ServerProcess } from './lib/serverProcess'

// CI runs a small churn; `npm run soak` runs 10,000 cycles over 1,000 documents.
const CYCLES = Number(process.env.HEGAO_CHURN_CYCLES ?? 2000)
const DOCUMENTS = Number(process.env.HEGAO_CHURN_DOCUMENTS ?? 200)

let server: ServerProcess
beforeAll(async () => {
  server = await spawnServer({ exposeGc: true })
})
afterAll(async () => {
  await server?.close()
})

describe('connection churn', () => {
  it(`leaves no rooms, sockets, listeners or timers behind after ${CYCLES} cycles over ${DOCUMENTS} documents`, async () => {
    const { before, after } = await churn(server, CYCLES, DOCUMENTS)
    console.log(`churn: before ${JSON.stringify(before)} after ${JSON.stringify(after)}`)
    expect(after).toMatchObject({ rooms: 0, roomConnections: 0, sockets: 0, users: 0, handshakes: 0, eventListeners: 0, compactionsPending: 0 })
    expect(after.timers).toBeLessThanOrEqual(before.timers)
    // Memory returns near its start: a leak of even a small room per cycle would show here.
    expect(after.heapUsed - before.heapUsed).toBeLessThan(8 * 1024 * 1024)
  }, 60_000)
})
