// `npm run soak`: the reliability checks at full size, outside CI. Prints the figures.
//   HEGAO_SOAK_CRASH_RUNS (20), HEGAO_FUZZ_CASES (50000), HEGAO_FUZZ_SEED (random),
//   HEGAO_CHURN_CYCLES (10000), HEGAO_CHURN_DOCUMENTS (1000), HEGAO_SOAK_CONVERGENCE_SEEDS (20)
import { setLogQuiet } from '../../server/log'
import { crashRun } from './lib/crashRun'
import { fuzzServer } from './lib/fuzz'
import { churn } from './lib/churn'
import { randomConvergence } from './lib/convergence'
import { spawnServer } from './lib/serverProcess'

setLogQuiet(true)
// Each y-websocket client in Node listens to process 'exit'; 20 typists at once are not a leak.
process.setMaxListeners(0)
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
let failed = false
const fail = (message: string) => {
  failed = true
  console.error(`FAILED: ${message}`)
}

async function crashes(): Promise<void> {
  const runs = env('HEGAO_SOAK_CRASH_RUNS', 20)
  const server = await spawnServer()
  let lost = 0
  let seen = 0
  let typed = 0
  try {
    for (let run = 0; run < runs; run++) {
      const result = await crashRun(server, run)
      lost += result.lost
      seen += result.seen
      typed += result.typed
    }
  } finally {
    await server.close()
  }
  console.log(`crash: ${runs} SIGKILL runs under 20 typists; ${typed} paragraphs typed, ${seen} seen by clients at the kill, ${lost} lost`)
  if (lost > 0) fail(`${lost} updates lost`)
}

async function fuzzing(): Promise<void> {
  const seed = env('HEGAO_FUZZ_SEED', Math.floor(Math.random() * 2 ** 31))
  const cases = env('HEGAO_FUZZ_CASES', 50_000)
  const server = await spawnServer()
  try {
    const owner = await server.user('soak-fuzz')
    const viewer = await server.user('soak-viewer')
    const editorDoc = await server.createDocument(owner, { title: '模糊测试', text: '一、总体情况\n全县统计工作稳中有进。' })
    const viewerDoc = await server.createDocument(owner, { title: '只读', text: '一、总体情况\n全县统计工作稳中有进。' })
    await server.share(owner, viewerDoc, 'soak-viewer', 'viewer')
    const stats = await fuzzServer(server.wsUrl, [{ documentId: editorDoc, token: owner }, { documentId: viewerDoc, token: viewer }], seed, cases)
    const health = await server.api('GET', '/healthz')
    console.log(`fuzz: seed ${seed}, ${stats.cases} cases, ${stats.answered} answered, closes ${JSON.stringify(stats.closes)}, healthz ${health.status}`)
    if (health.status !== 200) fail('server not healthy after fuzzing')
  } finally {
    await server.close()
  }
}

async function churning(): Promise<void> {
  const cycles = env('HEGAO_CHURN_CYCLES', 10_000)
  const documents = env('HEGAO_CHURN_DOCUMENTS', 1000)
  const server = await spawnServer({ exposeGc: true })
  try {
    const { before, after } = await churn(server, cycles, documents)
    console.log(
      `churn: ${cycles} cycles over ${documents} documents; heap ${MiB(before.heapUsed)} -> ${MiB(after.heapUsed)}, rss ${MiB(before.rss)} -> ${MiB(after.rss)}, ` +
        `timers ${before.timers} -> ${after.timers}, left open: rooms ${after.rooms}, sockets ${after.sockets}, listeners ${after.eventListeners}`,
    )
    if (after.heapUsed - before.heapUsed > 16 * 1024 * 1024) fail('heap grew by more than 16 MiB')
  } finally {
    await server.close()
  }
}

async function convergence(): Promise<void> {
  const seeds = env('HEGAO_SOAK_CONVERGENCE_SEEDS', 20)
  const first = env('HEGAO_FUZZ_SEED', 1)
  const server = await spawnServer()
  try {
    for (let i = 0; i < seeds; i++) await randomConvergence(server, first + i, 6, 1500)
    console.log(`convergence: ${seeds} seeds from ${first}, 6 clients x 1500 steps each, all converged`)
  } finally {
    await server.close()
  }
}

for (const [name, part] of [['crash', crashes], ['fuzz', fuzzing], ['churn', churning], ['convergence', convergence]] as const) {
  const started = Date.now()
  try {
    await part()
  } catch (error) {
    fail(`${name}: ${(error as Error).stack ?? error}`)
  }
  console.log(`  (${name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`)
}
process.exit(failed ? 1 : 0)
