import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../helpers/retry'
import { fragmentText, storedText, yClient } from './lib/clients'
import { fuzzServer } from './lib/fuzz'
import { spawnServer, type ServerProcess } from './lib/serverProcess'

// A fixed seed in CI; `HEGAO_FUZZ_SEED=123 HEGAO_FUZZ_CASES=50000 npx vitest run tests/reliability/fuzz.test.ts` on demand.
const SEED = Number(process.env.HEGAO_FUZZ_SEED ?? 20260601)
const CASES = Number(process.env.HEGAO_FUZZ_CASES ?? 3000)

let server: ServerProcess
beforeAll(async () => {
  server = await spawnServer()
})
afterAll(async () => {
  await server?.close()
})

/** What a fresh client gets for a document: its text and its state vector. */
async function served(documentId: string, token: string): Promise<{ text: string; stateVector: string }> {
  const client = yClient(server.wsUrl, documentId, token)
  try {
    await eventually(() => expect(client.provider.synced).toBe(true))
    return { text: fragmentText(client.doc), stateVector: Buffer.from(Y.encodeStateVector(client.doc)).toString('hex') }
  } finally {
    client.destroy()
  }
}


describe('fuzzed WebSocket messages', () => {
  it(`leave the server serving and the stored documents unchanged (seed ${SEED}, ${CASES} cases)`, async () => {
    const owner = await server.user('fuzz-owner')
    const viewer = await server.user('fuzz-viewer')
    const text = '一、总体情况\n全县统计工作稳中有进。\n二、主要做法\n（一）夯实基层基础。'
    const attacked = await server.createDocument(owner, { title: '编辑者受攻击', text })
    const readOnly = await server.createDocument(owner, { title: '只读受攻击', text })
    const bystander = await server.createDocument(owner, { title: '旁观', text })
    await server.share(owner, readOnly, 'fuzz-viewer', 'viewer')
    const before = { readOnly: await served(readOnly, owner), bystander: await served(bystander, owner) }

    const stats = await fuzzServer(server.wsUrl, [{ documentId: attacked, token: owner }, { documentId: readOnly, token: viewer }], SEED, CASES)
    console.log(`fuzz seed ${SEED}: ${JSON.stringify(stats)}`)
    expect(stats.cases).toBe(CASES)
    expect(stats.answered).toBeGreaterThan(0)

    expect((await server.api('GET', '/healthz')).status).toBe(200)
    // A viewer's connection changed nothing; a document nobody attacked is untouched.
    expect(await served(readOnly, owner)).toEqual(before.readOnly)
    expect(await served(bystander, owner)).toEqual(before.bystander)
    // The editor's document may have taken valid updates, but what is served is what is stored,
    // and it survives a restart as it was.
    const live = await served(attacked, owner)
    expect(storedText(server, attacked)).toBe(live.text)
    await server.kill('SIGTERM')
    await server.restart()
    expect((await served(attacked, owner)).text).toBe(live.text)
    expect(await served(readOnly, owner)).toEqual(before.readOnly)
  }, 60_000)
})
