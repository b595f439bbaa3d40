import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crashRun } from './lib/crashRun'
import { spawnServer, type ServerProcess } from './lib/serverProcess'

// CI does a few runs; `HEGAO_CRASH_RUNS=50 npx vitest run tests/reliability/crash.test.ts` or `npm run soak` more.
const RUNS = Number(process.env.HEGAO_CRASH_RUNS ?? 2)

let server: ServerProcess
beforeAll(async () => {
  server = await spawnServer()
})
afterAll(async () => {
  await server?.close()
})

describe('kill -9 under 20 concurrent typists', () => {
  it(
    'loses nothing any client had received and merges every offline edit exactly once after the restart',
    async () => {
      for (let run = 0; run < RUNS; run++) {
        const result = await crashRun(server, run)
        console.log(`crash run ${run}: ${JSON.stringify(result)}`)
        expect(result.seen).toBeGreaterThan(0)
        expect(result.lost).toBe(0)
      }
    },
    RUNS * 30_000,
  )
})
