import path from 'node:path'
import { Child, benchDir } from '../lib/child'
import { serverLabels, startBenchServer } from '../lib/servers'
import { cpuSplitMs, memoryMiB } from '../lib/procStats'
import { formatTable } from '../lib/table'
import { round, type Distribution } from '../lib/stats'
import type { ServerKind } from '../clients/connect'
import { ratioOf, type RunOptions, type ScenarioResult } from './types'

const TYPISTS = 20
// The first seconds measure V8 compiling the hot paths more than the server. V8 optimizes a
// function once it has run often enough, so the warm-up types four times as fast: at the
// measured rate, our server's hot functions were optimized only 12–26 s into the typing (V8's
// code log) and its CPU per 5 s still fell until then; after this warm-up it is flat.
const WARMUP_INTERVAL_MS = 25

/** One server, fresh, with 20 typists: what its measured part cost it, and whether all converged. */
export async function typingRow(kind: ServerKind, { seconds, warmupSeconds }: { seconds: number; warmupSeconds: number }) {
  const server = await startBenchServer(kind)
  try {
    const doc = await server.createDocument('typing')
    const child = new Child(path.join(benchDir, 'clients', 'typists.ts'), [
      JSON.stringify({ target: server.target, doc, typists: TYPISTS, warmupSeconds, warmupIntervalMs: WARMUP_INTERVAL_MS, seconds, intervalMs: 100, checkFresh: kind !== 'floor' }),
    ])
    try {
      await child.waitFor('ready')
      child.send({ type: 'go' })
      const warm = await child.waitFor('warm', (warmupSeconds + 60) * 1000)
      const cpuBefore = cpuSplitMs(server.pid)
      const wallBefore = performance.now()
      // CPU per 5 s of the measured part: flat if the warm-up did its work.
      const perFive: number[] = []
      let last = cpuBefore
      const sampler = setInterval(() => {
        const now = cpuSplitMs(server.pid)
        perFive.push(round(now.user + now.system - last.user - last.system, 0))
        last = now
      }, 5000)
      const done = await child.waitFor('typed', (seconds + 60) * 1000).finally(() => clearInterval(sampler))
      const cpuAfter = cpuSplitMs(server.pid)
      const user = cpuAfter.user - cpuBefore.user
      const system = cpuAfter.system - cpuBefore.system
      const cpu = user + system
      const wall = performance.now() - wallBefore
      const result = await child.waitFor('result')
      return {
        server: kind,
        typed: done.typed - warm.typed,
        converged: result.converged,
        freshMatches: result.freshMatches,
        convergeMs: round(result.convergeMs, 0),
        serverCpuMs: round(cpu, 0),
        serverUserMs: round(user, 0),
        serverSystemMs: round(system, 0),
        serverCpuPercent: round((cpu / wall) * 100, 1),
        serverCpuPerFiveSeconds: perFive,
        peakRssMiB: round(memoryMiB(server.pid).peak, 1),
        latency: result.latency as Distribution,
      }
    } finally {
      await child.stop()
    }
  } finally {
    await server.stop()
  }
}

/** 20 clients typing at random places: convergence, and what it costs the server. */
export async function runTyping(options: RunOptions): Promise<ScenarioResult> {
  const seconds = options.quick ? 5 : 15
  const warmupSeconds = options.quick ? 2 : 10
  // Ours and @y/websocket-server type at the same time, each with its own typists, then the other
  // two together: typing runs one after the other differ by ±10–20 % on this shared machine (the
  // same server code measured 0.77× and 1.11× the reference in two full runs), more than the difference
  // to measure; side by side both see the same machine.
  const pairs = [options.servers.filter((kind) => kind === 'hegao' || kind === 'yws'), options.servers.filter((kind) => kind !== 'hegao' && kind !== 'yws')]
  const rows = []
  for (const pair of pairs) rows.push(...(await Promise.all(pair.map((kind) => typingRow(kind, { seconds, warmupSeconds })))))
  const table = formatTable(
    ['server', 'edits', 'converged', 'fresh client agrees', 'server CPU ms', 'user / system ms', 'per 5 s ms', 'CPU % of a core', 'peak RSS MiB', 'keystroke → others p50 / p99 ms'],
    rows.map((r) => [
      serverLabels[r.server],
      r.typed,
      r.converged,
      r.freshMatches,
      r.serverCpuMs,
      `${r.serverUserMs} / ${r.serverSystemMs}`,
      r.serverCpuPerFiveSeconds.join(' / '),
      r.serverCpuPercent,
      r.peakRssMiB,
      `${r.latency.p50} / ${r.latency.p99}`,
    ]),
  )
  const targets: ScenarioResult['targets'] = []
  const ours = rows.find((r) => r.server === 'hegao')
  const ref = rows.find((r) => r.server === 'yws')
  if (ours && ref) targets.push({ target: 'typing: server CPU ≤ @y/websocket-server', met: ours.serverCpuMs <= ref.serverCpuMs, detail: `${ours.serverCpuMs} vs ${ref.serverCpuMs} ms (${round(ours.serverCpuMs / ref.serverCpuMs)}×)` })
  targets.push({ target: 'typing: every run converges', met: rows.every((r) => r.converged && r.freshMatches !== false), detail: rows.map((r) => `${r.server}: ${r.converged ? 'yes' : 'NO'}`).join(', ') })
  const ratios = [
    ratioOf('typing: server CPU (ms)', rows, (r) => r.serverCpuMs),
    ratioOf('typing: server peak RSS (MiB)', rows, (r) => r.peakRssMiB),
    ratioOf('typing: keystroke → others p50 (ms)', rows, (r) => r.latency.p50),
    ratioOf('typing: keystroke → others p99 (ms)', rows, (r) => r.latency.p99),
  ]
  return { name: 'typing', table, ratios, json: { scenario: 'typing', typists: TYPISTS, warmupSeconds, warmupIntervalMs: WARMUP_INTERVAL_MS, seconds, rows }, targets }
}
