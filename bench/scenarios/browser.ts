import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { execSync } from 'node:child_process'
import { Child, benchDir, repoRoot } from '../lib/child'
import { startBenchServer } from '../lib/servers'
import { formatTable } from '../lib/table'
import { distribution, round } from '../lib/stats'
import type { RunOptions, ScenarioResult } from './types'
import { SAMPLE_PATH } from './documentWork'

// The build being served: another checkout's with BENCH_STATIC_DIR (an A/B), this one's otherwise.
const distDir = process.env.BENCH_STATIC_DIR ? path.resolve(process.env.BENCH_STATIC_DIR) : path.join(repoRoot, 'dist', 'client')

/** What index.html loads before anything else: its scripts, module preloads and stylesheets, gzipped. */
export function initialAssets(): { js: number; css: number; lazyJs: number; files: string[] } {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]).filter((ref) => ref.startsWith('/assets/'))
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(distDir, file))).byteLength
  const initial = new Set(refs)
  let js = 0
  let css = 0
  for (const ref of initial) {
    if (ref.endsWith('.js')) js += gz(ref)
    else if (ref.endsWith('.css')) css += gz(ref)
  }
  let lazyJs = 0
  for (const file of fs.readdirSync(path.join(distDir, 'assets'))) {
    if (file.endsWith('.js') && !initial.has(`/assets/${file}`)) lazyJs += gz(`/assets/${file}`)
  }
  return { js, css, lazyJs, files: [...initial] }
}

export async function runBrowser(options: RunOptions): Promise<ScenarioResult> {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) {
    if (process.env.BENCH_STATIC_DIR) throw new Error(`BENCH_STATIC_DIR holds no index.html: ${distDir}`)
    execSync('npx vite build', { cwd: repoRoot, stdio: 'inherit' })
  }
  const assets = initialAssets()
  const sample = fs.readFileSync(SAMPLE_PATH, 'utf8')
  // About 30,000 characters: the sample repeated.
  const text = Array.from({ length: Math.ceil(30_000 / sample.length) }, () => sample).join('\n')

  // BENCH_BROWSER_TYPISTS=0 isolates the cost of local typing from that of remote edits.
  const otherTypists = Number(process.env.BENCH_BROWSER_TYPISTS ?? 10)
  const server = await startBenchServer('hegao')
  let result
  try {
    const doc = await server.createDocument('browser', text)
    const me = await (await fetch(`${server.httpUrl}/api/me`, { headers: { Authorization: `Bearer ${server.target.token}` } })).json()
    const typists = new Child(path.join(benchDir, 'clients', 'typists.ts'), [
      JSON.stringify({ target: server.target, doc, typists: Math.max(otherTypists, 1), warmupSeconds: 0, seconds: otherTypists > 0 ? 300 : 0, intervalMs: 100, checkFresh: false }),
    ])
    try {
      await typists.waitFor('ready')
      typists.send({ type: 'go' })
      const profile = process.env.BENCH_PROFILE ? path.join(benchDir, 'browser.cpuprofile') : undefined
      const browser = new Child(path.join(benchDir, 'clients', 'browser.ts'), [
        JSON.stringify({ url: server.httpUrl, doc, token: server.target.token, user: me.user, navigations: options.quick ? 2 : 5, keys: options.quick ? 60 : 150, profile }),
      ])
      result = await browser.waitFor('result', 240_000)
      if (profile) console.log('page CPU profile, top self time:', (await browser.waitFor("profile")).top.map((t: any) => `${t.percent}% ${t.ms}ms ${t.fn}`).join("\n"))
    } finally {
      await typists.stop()
    }
  } finally {
    await server.stop()
  }
  const dom = distribution(result.latency.dom)
  const nextTask = distribution(result.latency.nextTask)
  const frame = distribution(result.latency.frame)
  const wait = distribution(result.latency.wait)
  const floor = distribution(result.floor.dom)
  const floorNextTask = distribution(result.floor.nextTask)
  const kb = (bytes: number) => round(bytes / 1024, 1)
  const table = formatTable(
    ['measure', 'p50', 'p95', 'p99 / max', 'unit'],
    [
      [`keypress → DOM holds it (${dom.count} keys, ${result.latency.missing} not seen)`, dom.p50, dom.p95, `${dom.p99} / ${dom.max}`, 'ms'],
      ['keypress → next task (after a frame if Chromium renders first)', nextTask.p50, nextTask.p95, `${nextTask.p99} / ${nextTask.max}`, 'ms'],
      ['keypress → next frame', frame.p50, frame.p95, `${frame.p99} / ${frame.max}`, 'ms'],
      ['keypress → page starts handling it', wait.p50, wait.p95, `${wait.p99} / ${wait.max}`, 'ms'],
      ['floor: keypress → DOM holds it, bare contenteditable, same text', floor.p50, floor.p95, `${floor.p99} / ${floor.max}`, 'ms'],
      ['floor: keypress → next task', floorNextTask.p50, floorNextTask.p95, `${floorNextTask.p99} / ${floorNextTask.max}`, 'ms'],
      [`navigation → editable + synced (${result.navigations.length} fresh contexts)`, round(result.navigationMedian, 0), '', result.navigations.map((n: number) => Math.round(n)).join(' / '), 'ms'],
      ['initial JS (gzip)', kb(assets.js), '', '', 'KiB'],
      ['initial CSS (gzip)', kb(assets.css), '', '', 'KiB'],
      ['lazily loaded JS (gzip)', kb(assets.lazyJs), '', '', 'KiB'],
    ],
  )
  return {
    name: 'browser',
    table,
    json: { scenario: 'browser', documentCharacters: result.documentLength, otherTypists, keypressDom: dom, keypressNextTask: nextTask, keypressFrame: frame, keypressWait: wait, keypressFloor: floor, keypressFloorNextTask: floorNextTask, missing: result.latency.missing, navigations: result.navigations, assets },
    targets: [
      { target: 'keypress → DOM p95 < 16 ms', met: dom.p95 < 16, detail: `${dom.p95} ms (bare contenteditable floor: ${floor.p95} ms; next task ${nextTask.p95} ms, next frame ${frame.p95} ms)` },
      { target: 'editable in < 1 s on loopback', met: result.navigationMedian < 1000, detail: `${round(result.navigationMedian, 0)} ms median` },
      { target: 'initial JS < 350 KB gzip', met: assets.js < 350 * 1000, detail: `${kb(assets.js)} KiB (${round(assets.js / 1000, 1)} KB)` },
    ],
    notes: [`document of ${result.documentLength} characters; ${otherTypists} other clients typing 10 characters/s each meanwhile`],
  }
}
