import { serverLabels } from '../lib/servers'
import { formatTable } from '../lib/table'
import { round } from '../lib/stats'
import { ratioOf, type RunOptions, type ScenarioResult } from './types'
import { writerAndReaders } from './latency'

/**
 * 100 clients with presence on, all renewing it at once, while one writer keeps editing:
 * how late are the document updates sent during the second after each burst?
 */
export async function runPresence(options: RunOptions): Promise<ScenarioResult> {
  const readers = 100
  const bursts = options.quick ? 2 : 4
  const count = options.quick ? 80 : 160 // 50 ms apart
  const rows = []
  // The floor keeps no awareness state, so "renewing presence" has no meaning for it.
  for (const server of options.servers.filter((kind) => kind !== 'floor')) {
    const result = await writerAndReaders(server, readers, { warmup: 20, count, presence: true, bursts })
    rows.push({ server, burst: result.burst.latency, settledMs: result.burst.settledMs, overall: result.latency, delivered: result.delivered })
  }
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
  return { name: 'presence', table, ratios: [ratioOf('presence burst: update p99 (ms)', rows, (r) => r.burst.p99)], json: { scenario: 'presence', readers, bursts, rows }, targets }
}
