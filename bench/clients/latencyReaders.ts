// N passive readers, each with its own Y.Doc and connection. Each records, per stamped change,
// the time from the writer's send to its own observation. Optional presence bursts: every reader
// renews its awareness state at once, as when a meeting opens the document together.
import { connectMany, type BenchClient, type Target } from './connect'
import { emit, nextCommand, readConfig, sleep, until } from '../lib/io'
import { distribution, wallNow } from '../lib/stats'

interface Config {
  target: Target
  doc: string
  readers: number
  /** Measured changes the writer will send. */
  expected: number
  presence?: boolean
}

interface Observation {
  sentAt: number
  latency: number
}

const config = readConfig<Config>()
const observations: Observation[][] = []
const clients = await connectMany(config.target, () => config.doc, config.readers, (ydoc, i) => {
  const seen: Observation[] = (observations[i] = [])
  const stamps = ydoc.getMap<number>('bench')
  stamps.observe((event) => {
    const now = wallNow()
    for (const key of event.keysChanged) {
      if (key.startsWith('w')) continue
      const sentAt = stamps.get(key)
      if (sentAt !== undefined) seen.push({ sentAt, latency: now - sentAt })
    }
  })
})

// Presence: every reader shows a user, as the editor does.
if (config.presence) {
  clients.forEach((client, i) => client.awareness.setLocalState({ user: { name: `reader-${i}`, color: '#3366cc' }, renewed: 0 }))
}
emit({ type: 'ready' })

const bursts: { at: number; settledMs?: number }[] = []
for (;;) {
  const command = await nextCommand<{ type: string; round?: number; windowMs?: number }>()
  if (command.type === 'burst') {
    const round = command.round!
    const at = wallNow()
    const burst: { at: number; settledMs?: number } = { at }
    bursts.push(burst)
    // A top-level field: our server rewrites `user` to the signed-in account.
    for (const client of clients) client.awareness.setLocalStateField('renewed', round)
    void until(() => clients.every((client) => renewedCount(client, round) >= clients.length), 10_000, 50).then((ok) => {
      if (ok) burst.settledMs = wallNow() - at
    })
    continue
  }
  if (command.type === 'finish') {
    await until(() => observations.every((seen) => seen.length >= config.expected), 5_000)
    const windowMs = command.windowMs ?? 1000
    const all = observations.flat()
    const inBurst = all.filter((o) => bursts.some((b) => o.sentAt >= b.at && o.sentAt < b.at + windowMs))
    const delivered = all.length / (config.expected * config.readers)
    emit({
      type: 'result',
      latency: distribution(all.map((o) => o.latency)),
      // Raw values, so that runs can be pooled.
      samples: all.map((o) => Math.round(o.latency * 1000) / 1000),
      delivered,
      burst: bursts.length ? { latency: distribution(inBurst.map((o) => o.latency)), samples: inBurst.map((o) => Math.round(o.latency * 1000) / 1000), settledMs: bursts.map((b) => b.settledMs ?? null) } : undefined,
    })
    for (const client of clients) client.destroy()
    await sleep(100)
    process.exit(0)
  }
}

function renewedCount(client: BenchClient, round: number): number {
  let count = 0
  for (const state of client.awareness.getStates().values()) if ((state as any).renewed === round) count++
  return count
}
