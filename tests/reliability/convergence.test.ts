import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../helpers/retry'
import { yClient } from './lib/clients'
import { randomConvergence, type ConvergenceResult } from './lib/convergence'
import { spawnServer, type ServerProcess } from './lib/serverProcess'

const SEED = Number(process.env.HEGAO_FUZZ_SEED ?? 20260601)

let server: ServerProcess
beforeAll(async () => {
  server = await spawnServer()
})
afterAll(async () => {
  await server?.close()
})

describe('random edits with random disconnects', () => {
  it(`converge on every client, a fresh client and after a restart (seeds ${SEED}, ${SEED + 1})`, async () => {
    const results: ConvergenceResult[] = []
    for (const seed of [SEED, SEED + 1]) {
      const result = await randomConvergence(server, seed)
      console.log(`convergence: seed ${result.seed}, ${result.clients} clients, ${result.steps} steps, ${result.disconnects} disconnects`)
      expect(result.disconnects).toBeGreaterThan(0)
      results.push(result)
    }
    await server.kill('SIGTERM')
    await server.restart()
    for (const result of results) {
      const client = yClient(server.wsUrl, result.documentId, result.token)
      try {
        await eventually(() => expect(client.doc.getXmlFragment('default').toString()).toBe(result.body))
      } finally {
        client.destroy()
      }
    }
  }, 60_000)
})
