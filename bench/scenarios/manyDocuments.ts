import fs from 'node:fs'
import path from 'node:path'
import { Child, benchDir } from '../lib/child'
import { serverLabels, startBenchServer } from '../lib/servers'
import { memoryMiB } from '../lib/procStats'
import { formatTable } from '../lib/table'
import { round } from '../lib/stats'
import { ratioOf, type RunOptions, type ScenarioResult } from './types'
import { SAMPLE_PATH } from './documentWork'

/** Server memory with many documents of the sample's size open (one idle client each). */
export async function runManyDocuments(options: RunOptions): Promise<ScenarioResult> {
  const count = options.quick ? 200 : 1000
  const sample = fs.readFileSync(SAMPLE_PATH, 'utf8')
  const rows = []
  for (const kind of options.servers.filter((k) => k !== 'floor')) {
    const server = await startBenchServer(kind)
    try {
      // Ours imports the sample at creation, as a user's upload would; a few requests at a time.
      const docs: string[] = []
      for (let start = 0; start < count; start += 8) {
        const batch = Array.from({ length: Math.min(8, count - start) }, (_, i) => server.createDocument(`doc-${start + i}`, sample))
        docs.push(...(await Promise.all(batch)))
      }
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const before = memoryMiB(server.pid).rss
      const holders = new Child(path.join(benchDir, 'clients', 'holders.ts'), [
        JSON.stringify({ target: server.target, docs, seedSample: kind === 'hegao' ? undefined : SAMPLE_PATH }),
      ])
      try {
        const ready = await holders.waitFor('ready', 300_000)
        // Idle: let timers, buffers and the collector settle.
        await new Promise((resolve) => setTimeout(resolve, 3000))
        const after = memoryMiB(server.pid)
        rows.push({ server: kind, docs: count, rssBeforeMiB: round(before, 1), rssMiB: round(after.rss, 1), perDocKiB: round(((after.rss - before) * 1024) / count, 1), openSeconds: round(ready.connectMs / 1000, 1) })
        holders.send({ type: 'finish' })
        await holders.waitFor('result')
      } finally {
        await holders.stop()
      }
    } finally {
      await server.stop()
    }
  }
  const table = formatTable(
    ['server', 'documents open', 'RSS before MiB', 'RSS open+idle MiB', 'per document KiB', 'opening took s'],
    rows.map((r) => [serverLabels[r.server], r.docs, r.rssBeforeMiB, r.rssMiB, r.perDocKiB, r.openSeconds]),
  )
  const ours = rows.find((r) => r.server === 'hegao')
  const refs = rows.filter((r) => r.server !== 'hegao')
  return {
    name: 'manyDocuments',
    table,
    ratios: [ratioOf(`many documents: RSS with ${count} open (MiB)`, rows, (r) => r.rssMiB)],
    json: { scenario: 'manyDocuments', documents: count, rows },
    targets: [],
    notes: ours && refs.length ? [`hegao RSS with ${count} documents open: ${refs.map((r) => `${round(ours.rssMiB / r.rssMiB)}× ${serverLabels[r.server]}`).join(', ')} (no target in the issue; reported)`] : [],
  }
}
