// Import, outline and check of a 200-page draft (the real sample repeated), in a fresh process:
// the first run is reported separately (cold), the median of the next ones as the figure.
import fs from 'node:fs'
import { importText } from '../../shared/import/importText'
import { buildOutline } from '../../shared/outline'
import { preSubmissionCheck } from '../../shared/check/index'
import { emit, readConfig } from '../lib/io'
import { median } from '../lib/stats'

interface Config {
  samplePath: string
  /** Characters per page of a 公文 (22 lines × 28 characters). */
  pages: number
  runs: number
}

const config = readConfig<Config>()
const sample = fs.readFileSync(config.samplePath, 'utf8')
const CHARS_PER_PAGE = 22 * 28
const copies = Math.ceil((config.pages * CHARS_PER_PAGE) / sample.length)
const draft = Array.from({ length: copies }, () => sample).join('\n')

const times = { import: [] as number[], outline: [] as number[], check: [] as number[], total: [] as number[] }
let placeholders = 0
let problems = 0
let sections = 0
for (let run = 0; run < config.runs + 1; run++) {
  const t0 = performance.now()
  const { doc, report } = importText(draft)
  const t1 = performance.now()
  const outline = buildOutline(doc)
  const t2 = performance.now()
  const check = preSubmissionCheck(doc, { importCorrections: report.corrections })
  const t3 = performance.now()
  placeholders = report.recognised.placeholders.number + report.recognised.placeholders.text
  problems = check.problems.length
  sections = JSON.stringify(outline).split('"id"').length - 1
  times.import.push(t1 - t0)
  times.outline.push(t2 - t1)
  times.check.push(t3 - t2)
  times.total.push(t3 - t0)
}
const cold = { import: times.import[0], outline: times.outline[0], check: times.check[0], total: times.total[0] }
const warm = (values: number[]) => median(values.slice(1))
emit({
  type: 'result',
  characters: draft.length,
  copies,
  placeholders,
  problems,
  sections,
  cold,
  warm: { import: warm(times.import), outline: warm(times.outline), check: warm(times.check), total: warm(times.total) },
})
process.exit(0)
