import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import { runClient } from '../lib/child'
import { serverLabels, startBenchServer } from '../lib/servers'
import { formatTable } from '../lib/table'
import { median, round } from '../lib/stats'
import type { ServerKind } from '../clients/connect'
import { ratioOf, type RunOptions, type ScenarioResult } from './types'

const EDITS = 100_000

/**
 * A long history opened cold: the trace is stored, the server restarted before every
 * measurement, and a fresh client (fresh process) times connect→synced.
 */
export async function runColdLoad(options: RunOptions): Promise<ScenarioResult> {
  const repeats = options.quick ? 3 : 5
  const file = path.join(os.tmpdir(), `hegao-bench-trace-${EDITS}.bin`)
  const trace = await runClient('coldLoad', { mode: 'build', file, edits: EDITS })
  const decodes: number[] = []
  for (let i = 0; i < repeats; i++) decodes.push((await runClient('coldLoad', { mode: 'decode', file })).ms)
  const floor = median(decodes)

  const rows: { server: ServerKind | 'decode'; times: number[]; median: number }[] = [{ server: 'decode', times: decodes, median: round(floor, 1) }]
  for (const kind of options.servers.filter((k) => k !== 'floor')) {
    // Ours stores what a client sends; the references load the stored update (as their persistence would).
    const server = await startBenchServer(kind, kind === 'hegao' ? {} : { loadFile: file })
    try {
      const doc = await server.createDocument('cold-load')
      let expected = trace.length
      if (kind === 'hegao') {
        const seeded = await runClient('coldLoad', { mode: 'seed', file, target: server.target, doc, length: trace.length })
        if (!seeded.ok) throw new Error('the trace did not reach the server')
        expected = seeded.length
      }
      const times: number[] = []
      for (let i = 0; i < repeats; i++) {
        await server.restart()
        const result = await runClient('coldLoad', { mode: 'connect', target: server.target, doc })
        if (result.length !== expected) throw new Error(`${kind}: loaded ${result.length} characters, expected ${expected}`)
        times.push(result.ms)
      }
      rows.push({ server: kind, times, median: round(median(times), 1) })
    } finally {
      await server.stop()
    }
  }
  fs.rmSync(file, { force: true })
  const table = formatTable(
    ['', `median ms (of ${repeats})`, 'runs ms', '× decode floor'],
    rows.map((r) => [r.server === 'decode' ? 'decode only (floor)' : serverLabels[r.server], r.median, r.times.map((t) => Math.round(t)).join(' / '), round(r.median / floor)]),
  )
  const targets: ScenarioResult['targets'] = []
  const ours = rows.find((r) => r.server === 'hegao')
  const refs = rows.filter((r) => r.server === 'yws' || r.server === 'hocuspocus')
  if (ours) {
    for (const ref of refs) targets.push({ target: `cold load ≤ ${serverLabels[ref.server as ServerKind]}`, met: ours.median <= ref.median, detail: `${ours.median} vs ${ref.median} ms (${round(ours.median / ref.median)}×)` })
    targets.push({ target: 'cold load ≤ 2× decode floor', met: ours.median <= 2 * floor, detail: `${ours.median} vs ${round(floor, 1)} ms (${round(ours.median / floor)}×)` })
  }
  return {
    name: 'coldLoad',
    table,
    ratios: [ratioOf('cold load: connect→synced median (ms)', rows, (r) => r.median)],
    json: { scenario: 'coldLoad', edits: EDITS, updateBytes: trace.bytes, characters: trace.length, rows },
    targets,
    notes: [`trace: ${EDITS} single-character edits → ${trace.length} characters, ${trace.bytes} bytes as one update; the references load it from a file in their load hook`],
  }
}
