// `npx tsx bench/typingSideBySide.ts <other checkout> [rounds]`: the typing load on this tree's
// server, the other tree's and the reference, all three at the same time (each with its own 20
// typists and ports), so that they see the same machine. Typing runs one after another differ by
// ±10 %, more than a change of a few per cent; side by side the differences show. Prints each
// server's CPU over the 30 s after the warm-up, per round and on average.
// BENCH_OTHER_NODE_ARGS="…": Node flags for the other tree's server only (to A/B a runtime flag,
// give this tree as the other one).
import path from 'node:path'
import { Child, benchDir } from './lib/child'
import { emit } from './lib/io'
import { typingRow } from './scenarios/typing'
import type { ServerKind } from './clients/connect'

const SECONDS = 30

/** One server and its typists (a child process of the side-by-side run). */
async function typeOnOne(kind: ServerKind): Promise<void> {
  const row = await typingRow(kind, { seconds: SECONDS, warmupSeconds: 10 })
  emit({ type: 'cpu', ms: row.serverCpuMs, converged: row.converged })
}

async function sideBySide(otherRoot: string, rounds: number): Promise<void> {
  const runs = [
    { label: 'this tree', kind: 'hegao', env: { BENCH_PORT_BASE: '18500' } },
    {
      label: process.env.BENCH_OTHER_NODE_ARGS ? `${otherRoot} ${process.env.BENCH_OTHER_NODE_ARGS}` : otherRoot,
      kind: 'hegao',
      env: { BENCH_PORT_BASE: '18600', BENCH_HEGAO_ROOT: path.resolve(otherRoot), BENCH_NODE_ARGS: process.env.BENCH_OTHER_NODE_ARGS ?? process.env.BENCH_NODE_ARGS },
    },
    { label: '@y/websocket-server', kind: 'yws', env: { BENCH_PORT_BASE: '18700' } },
  ]
  const sums = runs.map(() => 0)
  for (let round = 1; round <= rounds; round++) {
    const children = runs.map((run) => new Child(path.join(benchDir, 'typingSideBySide.ts'), ['--one', run.kind], { env: run.env }))
    const results = await Promise.all(children.map((child) => child.waitFor('cpu', (SECONDS + 150) * 1000)))
    // Each stops its server and typists before it exits: the next round needs the ports.
    await Promise.all(children.map((child) => child.done()))
    results.forEach((result, i) => {
      sums[i] += result.ms
      console.log(`round ${round}  ${runs[i].label.padEnd(24)} ${String(result.ms).padStart(5)} ms  converged ${result.converged}`)
    })
  }
  const reference = sums[2]
  runs.forEach((run, i) => console.log(`mean     ${run.label.padEnd(24)} ${String(Math.round(sums[i] / rounds)).padStart(5)} ms  ${(sums[i] / reference).toFixed(3)}× the reference`))
}

const args = process.argv.slice(2)
if (args[0] === '--one') await typeOnOne(args[1] as ServerKind)
else if (args[0]) await sideBySide(args[0], Number(args[1] ?? 3))
else console.error('usage: npx tsx bench/typingSideBySide.ts <other checkout> [rounds]')
process.exit(0)
