import { Child, benchDir } from '../lib/child'
import path from 'node:path'
import { serverLabels, startBenchServer, type BenchServer } from '../lib/servers'
import { formatTable } from '../lib/table'
import { distribution, round, type Distribution } from '../lib/stats'
import type { ServerKind } from '../clients/connect'
import { ratioOf, type RunOptions, type ScenarioResult } from './types'

const INTERVAL_MS = 50

interface Row {
  server: ServerKind
  readers: number
  latency: Distribution
  delivered: number
}

/**
 * The servers of one scenario, each started once and kept for all its measurements. A fresh
 * Node process runs V8's memory reducer 8–10 s after it starts (three mark-compacts of 5–14 ms
 * in our server, 2–9 ms in the reference's smaller heap): a server started for each 10 s
 * measurement put that start-up phase into every one of them, and into their p99.
 */
export class ScenarioServers {
  private readonly started = new Map<ServerKind, Promise<BenchServer>>()

  get(kind: ServerKind): Promise<BenchServer> {
    let server = this.started.get(kind)
    if (!server) this.started.set(kind, (server = startBenchServer(kind)))
    return server
  }

  async stop(): Promise<void> {
    for (const server of this.started.values()) await (await server).stop()
  }
}

/** Runs one writer against N readers on a document of its own; returns the readers' result. */
export async function writerAndReaders(server: BenchServer, docName: string, readers: number, options: { warmup: number; count: number; presence?: boolean; bursts?: number }) {
  const doc = await server.createDocument(docName)
  const readerChild = new Child(path.join(benchDir, 'clients', 'latencyReaders.ts'), [
    JSON.stringify({ target: server.target, doc, readers, expected: options.count, presence: options.presence }),
  ])
  try {
    await readerChild.waitFor('ready')
    const writer = new Child(path.join(benchDir, 'clients', 'latencyWriter.ts'), [
      JSON.stringify({ target: server.target, doc, warmup: options.warmup, count: options.count, intervalMs: INTERVAL_MS }),
    ])
    try {
      await writer.waitFor('measuring')
      for (let round = 1; round <= (options.bursts ?? 0); round++) {
        // Spread the bursts over the measured period, leaving the end quiet.
        const gapMs = (options.count * INTERVAL_MS) / ((options.bursts ?? 0) + 1)
        await new Promise((resolve) => setTimeout(resolve, gapMs))
        readerChild.send({ type: 'burst', round })
      }
      await writer.waitFor('result')
    } finally {
      await writer.stop()
    }
    readerChild.send({ type: 'finish', windowMs: 1000 })
    return await readerChild.waitFor('result')
  } finally {
    await readerChild.stop()
  }
}

export async function runLatency(options: RunOptions): Promise<ScenarioResult> {
  const sizes = options.quick ? [10, 50] : [10, 50, 100]
  const count = options.quick ? 60 : 200 // at 20 per second: 3 s or 10 s measured
  const warmup = 20
  // Two rounds, the second in reverse server order, pooled: a p99 over one 10 s run rests on its
  // two slowest updates, and whatever else the machine does then lands on one server only.
  const rounds = options.quick ? 1 : 2
  const rows: Row[] = []
  const servers = new ScenarioServers()
  try {
    for (const readers of sizes) {
      const pooled = new Map<ServerKind, { samples: number[]; delivered: number[] }>()
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? options.servers : [...options.servers].reverse()
        for (const server of order) {
          const result = await writerAndReaders(await servers.get(server), `latency-${readers}-${round}`, readers, { warmup, count })
          const entry = pooled.get(server) ?? { samples: [], delivered: [] }
          entry.samples.push(...result.samples)
          entry.delivered.push(result.delivered)
          pooled.set(server, entry)
        }
      }
      for (const server of options.servers) {
        const { samples, delivered } = pooled.get(server)!
        rows.push({ server, readers, latency: distribution(samples), delivered: Math.min(...delivered) })
      }
    }
  } finally {
    await servers.stop()
  }
  const table = formatTable(
    ['server', 'N', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'delivered'],
    rows.map((r) => [serverLabels[r.server], r.readers, r.latency.p50, r.latency.p95, r.latency.p99, r.latency.max, `${round(r.delivered * 100, 1)} %`]),
  )
  const targets: ScenarioResult['targets'] = []
  const find = (server: ServerKind, n: number) => rows.find((r) => r.server === server && r.readers === n)
  for (const n of sizes.filter((n) => n >= 50)) {
    const ours = find('hegao', n)
    const refs = (['yws', 'hocuspocus'] as const).map((s) => find(s, n)).filter((r): r is Row => !!r)
    if (ours && refs.length) {
      const best = Math.min(...refs.map((r) => r.latency.p99))
      targets.push({ target: `latency p99 at N=${n} ≤ best reference`, met: ours.latency.p99 <= best, detail: `${ours.latency.p99} vs ${best} ms (${round(ours.latency.p99 / best)}×)` })
    }
  }
  for (const n of sizes) {
    const ours = find('hegao', n)
    const floor = find('floor', n)
    if (ours && floor) {
      targets.push({ target: `latency p50 at N=${n} ≤ 1.5× ws floor`, met: ours.latency.p50 <= 1.5 * floor.latency.p50, detail: `${ours.latency.p50} vs ${floor.latency.p50} ms (${round(ours.latency.p50 / floor.latency.p50)}×)` })
    }
  }
  const ours = rows.filter((r) => r.server === 'hegao')
  if (ours.length) targets.push({ target: 'latency: 100 % delivered (hegao)', met: ours.every((r) => r.delivered >= 1), detail: ours.map((r) => `N=${r.readers}: ${round(r.delivered * 100, 1)} %`).join(', ') })
  const ratios = sizes.flatMap((n) => {
    const at = rows.filter((r) => r.readers === n)
    return [ratioOf(`latency p50 N=${n} (ms)`, at, (r) => r.latency.p50), ratioOf(`latency p99 N=${n} (ms)`, at, (r) => r.latency.p99)]
  })
  return { name: 'latency', table, ratios, json: { scenario: 'latency', intervalMs: INTERVAL_MS, measured: count, rounds, rows }, targets }
}
