import { serverLabels } from '../lib/servers'
import { formatTable } from '../lib/table'
import { distribution, round } from '../lib/stats'
import { ratioOf, type RunOptions, type ScenarioResult } from './types'
import { ScenarioServers, writerAndReaders } from './latency'

/**
 * 100 clients with presence on, all renewing it at once, while one writer keeps editing:
 * how late are the document updates sent during the second after each burst?
 */
export async function runPresence(options: RunOptions): Promise<ScenarioResult> {
  const readers = 100
  const bursts = options.quick ? 2 : 4
  const count = options.quick ? 80 : 160 // 50 ms apart
  // As for latency: two rounds, the second in reverse order, pooled (one round's p99 rests on
  // the slowest of its 80 updates).
  const rounds = options.quick ? 1 : 2
  // The floor keeps no awareness state, so "renewing presence" has no meaning for it.
  const servers = options.servers.filter((kind) => kind !== 'floor')
  const pooled = new Map<string, { samples: number[]; settledMs: (number | null)[]; delivered: number[] }>()
  const started = new ScenarioServers()
  try {
    for (let round = 0; round < rounds; round++) {
      for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
        const result = await writerAndReaders(await started.get(server), `presence-${round}`, readers, { warmup: 20, count, presence: true, bursts })
        const entry = pooled.get(server) ?? { samples: [], settledMs: [], delivered: [] }
        entry.samples.push(...result.burst.samples)
        entry.settledMs.push(...result.burst.settledMs)
        entry.delivered.push(result.delivered)
        pooled.set(server, entry)
      }
    }
  } finally {
    await started.stop()
  }
  const rows = servers.map((server) => {
    const { samples, settledMs, delivered } = pooled.get(server)!
    return { server, burst: distribution(samples), settledMs, delivered: Math.min(...delivered) }
  })
  const table = formatTable(
    ['server', 'N', 'updates in bursts', 'p50 ms', 'p99 ms', 'max ms', 'all presence seen after (ms)', 'delivered'],
    rows.map((r) => [
      serverLabels[r.server],
      readers,
      r.burst.count,
      r.burst.p50,
      r.burst.p99,
      r.burst.max,
      r.settledMs.map((ms: number | null) => (ms === null ? '>10000' : Math.round(ms))).join(' / '),
      `${round(r.delivered * 100, 1)} %`,
    ]),
  )
  const targets: ScenarioResult['targets'] = []
  const ours = rows.find((r) => r.server === 'hegao')
  const hocus = rows.find((r) => r.server === 'hocuspocus')
  if (ours && hocus) {
    targets.push({ target: 'presence burst p99 ≤ Hocuspocus', met: ours.burst.p99 <= hocus.burst.p99, detail: `${ours.burst.p99} vs ${hocus.burst.p99} ms (${round(ours.burst.p99 / hocus.burst.p99)}×)` })
  }
  return { name: 'presence', table, ratios: [ratioOf('presence burst: update p99 (ms)', rows, (r) => r.burst.p99)], json: { scenario: 'presence', readers, bursts, rounds, rows }, targets }
}
