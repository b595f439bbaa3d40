// N typists, each with its own Y.Doc and connection, each typing one character every
// `intervalMs` at random places. Afterwards: do all replicas, and a fresh client, agree?
// During the measured part, how long did each keystroke take to reach each other typist?
import type * as Y from 'yjs'
import { connect, connectMany, withTimeout, type Target } from './connect'
import { contentDigest, ensureParagraph, seededRandom, textNodes, typeAtRandom } from './editing'
import { emit, nextCommand, readConfig, sleep, until } from '../lib/io'
import { distribution } from '../lib/stats'

interface Config {
  target: Target
  doc: string
  typists: number
  /** Typing before the measured part, so the server's JIT has compiled the hot paths. */
  warmupSeconds: number
  seconds: number
  intervalMs: number
  /** How often each typist types during the warm-up (more often: the JIT sees more calls sooner). */
  warmupIntervalMs?: number
  /** Whether the server keeps the document (the floor does not), so a fresh client can check it. */
  checkFresh: boolean
}

const config = readConfig<Config>()
const clients = await connectMany(config.target, () => config.doc, config.typists)
ensureParagraph(clients[0].ydoc)
await until(() => clients.every((client) => textNodes(client.ydoc).length > 0), 10_000)
emit({ type: 'ready' })
await nextCommand()

// Every typist lives in this process, so one clock times a keystroke from its transaction to each
// other typist's applying it. A keystroke is one character: its struct's id (client, clock) names it.
const typedAt = new Map<number, Map<number, number>>()
const latencies: number[] = []
let measuring = false
for (const client of clients) {
  client.ydoc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.local) {
      if (!measuring) return
      const id = client.ydoc.clientID
      let clocks = typedAt.get(id)
      if (!clocks) typedAt.set(id, (clocks = new Map()))
      clocks.set(transaction.beforeState.get(id) ?? 0, performance.now())
      return
    }
    const now = performance.now()
    for (const [id, after] of transaction.afterState) {
      const clocks = typedAt.get(id)
      if (!clocks) continue
      for (let clock = transaction.beforeState.get(id) ?? 0; clock < after; clock++) {
        const at = clocks.get(clock)
        if (at !== undefined) latencies.push(now - at)
      }
    }
  })
}

const started = performance.now()
const duration = (config.warmupSeconds + config.seconds) * 1000
let typed = 0
const warm = setTimeout(() => {
  measuring = true
  emit({ type: 'warm', typed })
}, config.warmupSeconds * 1000)
await Promise.all(
  clients.map(async (client, i) => {
    const random = seededRandom(1000 + i)
    // Staggered, so the typists do not all press keys in the same millisecond.
    await sleep((i * config.intervalMs) / clients.length)
    let k = 0
    while (performance.now() - started < duration) {
      typeAtRandom(client.ydoc, random, String.fromCharCode(0x4e00 + ((i * 31 + k++) % 2000)))
      typed++
      const warming = performance.now() - started < config.warmupSeconds * 1000
      await sleep(warming ? (config.warmupIntervalMs ?? config.intervalMs) : config.intervalMs)
    }
  }),
)
clearTimeout(warm)
emit({ type: 'typed', typed })
const quietAt = performance.now()
const converged = await until(() => new Set(clients.map((c) => contentDigest(c.ydoc))).size === 1, 15_000, 50)
const convergeMs = performance.now() - quietAt
const length = textNodes(clients[0].ydoc).reduce((sum, text) => sum + text.length, 0)

let freshMatches: boolean | undefined
if (config.checkFresh && converged) {
  const fresh = connect(config.target, config.doc)
  await withTimeout(fresh.synced, 30_000, 'fresh sync')
  freshMatches = await until(() => contentDigest(fresh.ydoc) === contentDigest(clients[0].ydoc), 5_000, 50)
  fresh.destroy()
}
emit({ type: 'result', typed, converged, convergeMs, length, freshMatches, latency: distribution(latencies) })
for (const client of clients) client.destroy()
await sleep(100)
process.exit(0)
