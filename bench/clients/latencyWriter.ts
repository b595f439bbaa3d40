// One writer: inserts into the document every `intervalMs`, stamping each change with its send
// time in the 'bench' map (key = sequence number) so receivers in other processes can time it.
import { connect, withTimeout, type Target } from './connect'
import { ensureParagraph, seededRandom, typeAtRandom } from './editing'
import { emit, readConfig, sleep } from '../lib/io'
import { wallNow } from '../lib/stats'

interface Config {
  target: Target
  doc: string
  warmup: number
  count: number
  intervalMs: number
}

const config = readConfig<Config>()
const client = connect(config.target, config.doc)
await withTimeout(client.synced, 30_000, 'writer sync')
ensureParagraph(client.ydoc)
const stamps = client.ydoc.getMap<number>('bench')
const random = seededRandom(7)

const started = performance.now()
for (let i = 0; i < config.warmup + config.count; i++) {
  const key = i < config.warmup ? `w${i}` : String(i - config.warmup)
  if (i === config.warmup) emit({ type: 'measuring' })
  client.ydoc.transact(() => {
    typeAtRandom(client.ydoc, random, 'a')
    stamps.set(key, wallNow())
  })
  // A fixed schedule, so a slow server does not lower the offered load.
  const next = started + (i + 1) * config.intervalMs
  await sleep(Math.max(0, next - performance.now()))
}
emit({ type: 'result', sent: config.count })
await sleep(200)
client.destroy()
process.exit(0)
