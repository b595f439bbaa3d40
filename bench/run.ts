// `npm run bench [-- --quick] [-- --only <scenario>[,<scenario>]]`: every scenario, side by side
// with the reference servers, a table and one JSON line each; a full run rewrites bench/RESULTS.md.
import os from 'node:os'
import fs from 'node:fs'
import path from 'node:path'
import { execSync } from 'node:child_process'
import { benchDir } from './lib/child'
import type { ServerKind } from './clients/connect'
import type { RunOptions, ScenarioResult } from './scenarios/types'
import { runLatency } from './scenarios/latency'
import { runPresence } from './scenarios/presence'
import { runTyping } from './scenarios/typing'
import { runColdLoad } from './scenarios/coldLoad'
import { runManyDocuments } from './scenarios/manyDocuments'
import { runBrowser } from './scenarios/browser'
import { runDocumentWork } from './scenarios/documentWork'

const scenarios: Record<string, (options: RunOptions) => Promise<ScenarioResult>> = {
  latency: runLatency,
  presence: runPresence,
  typing: runTyping,
  coldLoad: runColdLoad,
  manyDocuments: runManyDocuments,
  browser: runBrowser,
  documentWork: runDocumentWork,
}

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const onlyIndex = args.indexOf('--only')
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',').filter(Boolean) : undefined
const serversIndex = args.indexOf('--servers')
const servers = (serversIndex >= 0 ? args[serversIndex + 1].split(',') : ['hegao', 'yws', 'hocuspocus', 'floor']) as ServerKind[]
for (const name of only ?? []) {
  if (!scenarios[name]) {
    console.error(`unknown scenario "${name}"; known: ${Object.keys(scenarios).join(', ')}`)
    process.exit(2)
  }
}

const started = Date.now()
const results: ScenarioResult[] = []
let failed = false
for (const [name, run] of Object.entries(scenarios)) {
  if (only && !only.includes(name)) continue
  const t0 = Date.now()
  console.log(`\n## ${name}${quick ? ' (quick)' : ''}`)
  try {
    const result = await run({ quick, servers })
    results.push(result)
    console.log(result.table)
    for (const note of result.notes ?? []) console.log(`note: ${note}`)
    for (const t of result.targets) console.log(`${t.met ? 'MET   ' : 'MISSED'} ${t.target}: ${t.detail}`)
    console.log(JSON.stringify({ ...result.json, elapsedSeconds: Math.round((Date.now() - t0) / 1000), targets: result.targets }))
  } catch (error) {
    failed = true
    console.error(`scenario ${name} failed:`, error)
  }
}
const seconds = Math.round((Date.now() - started) / 1000)
console.log(`\nall done in ${seconds} s`)
fs.writeFileSync(path.join(benchDir, 'results.json'), JSON.stringify({ at: new Date().toISOString(), quick, seconds, machine: machine(), results }, null, 2))
if (!only) fs.writeFileSync(path.join(benchDir, 'RESULTS.md'), resultsMarkdown(results, seconds))
process.exit(failed ? 1 : 0)

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ')
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}; load average at the end ${load}`
}

function resultsMarkdown(all: ScenarioResult[], totalSeconds: number): string {
  let commit = ''
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim()
  } catch {
    // not a git checkout
  }
  const lines = [
    '# Benchmark results',
    '',
    `Run ${new Date().toISOString()}${commit ? ` at commit ${commit}` : ''}${quick ? ' with `--quick` (shorter runs, fewer sizes)' : ''}, ${totalSeconds} s in all.`,
    `Machine: ${machine()}.`,
    'The load average shows how busy the machine was: on a shared machine (above ~1) the tails are noisy.',
    '',
    'hegao runs as its own process with SQLite durability and token auth on; the references run in memory;',
    'every load generator is a separate process. Regenerate with `npm run bench` (see bench/README.md).',
    '',
    '## Targets',
    '',
    '| | target | figures |',
    '|---|---|---|',
    ...all.flatMap((r) => r.targets.map((t) => `| ${t.met ? 'met' : '**missed**'} | ${t.target} | ${t.detail} |`)),
  ]
  const ratios = all.flatMap((r) => r.ratios ?? [])
  if (ratios.length) {
    const fmt = (ours: number | undefined, other: number | undefined) => (ours === undefined || other === undefined || !other ? '–' : `${(ours / other).toFixed(2)}×`)
    lines.push(
      '',
      '## Ratios (hegao ÷ other; below 1 means ours is better)',
      '',
      '| metric | hegao | ÷ @y/websocket-server | ÷ @hocuspocus/server | ÷ bare ws floor |',
      '|---|---|---|---|---|',
      ...ratios.map((r) => `| ${r.metric} | ${r.values.hegao ?? '–'} | ${fmt(r.values.hegao, r.values.yws)} | ${fmt(r.values.hegao, r.values.hocuspocus)} | ${fmt(r.values.hegao, r.values.floor)} |`),
    )
  }
  lines.push('', 'Causes of the misses, what was changed and what remains: bench/FINDINGS.md.')
  for (const result of all) {
    lines.push('', `## ${result.name}`, '', result.table)
    for (const note of result.notes ?? []) lines.push('', `Note: ${note}`)
  }
  return lines.join('\n') + '\n'
}
