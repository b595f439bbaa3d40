import path from 'node:path'
import { repoRoot, runClient } from '../lib/child'
import { formatTable } from '../lib/table'
import { round } from '../lib/stats'
import type { RunOptions, ScenarioResult } from './types'

export const SAMPLE_PATH = path.resolve(repoRoot, '../shared/samples/county-stats-bureau-2022-summary.txt')

/** Import + outline + check of a 200-page draft (no server: this is the shared code itself). */
export async function runDocumentWork(options: RunOptions): Promise<ScenarioResult> {
  const pages = 200
  const result = await runClient('documentWork', { samplePath: SAMPLE_PATH, pages, runs: options.quick ? 3 : 7 })
  const ms = (value: number) => round(value, 1)
  const table = formatTable(
    ['', 'import ms', 'outline ms', 'check ms', 'total ms'],
    [
      ['first run (cold process)', ms(result.cold.import), ms(result.cold.outline), ms(result.cold.check), ms(result.cold.total)],
      ['median of later runs', ms(result.warm.import), ms(result.warm.outline), ms(result.warm.check), ms(result.warm.total)],
    ],
  )
  const importAndCheck = result.warm.import + result.warm.check
  return {
    name: 'documentWork',
    table,
    json: { scenario: 'documentWork', pages, ...result, type: undefined },
    targets: [{ target: 'import + check of a 200-page draft < 200 ms', met: importAndCheck < 200, detail: `${ms(importAndCheck)} ms warm, ${ms(result.cold.import + result.cold.check)} ms in a cold process` }],
    notes: [`${result.copies} copies of the sample, ${result.characters} characters, ${result.placeholders} placeholders, ${result.problems} check problems`],
  }
}
