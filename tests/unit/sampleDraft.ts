import { readFileSync } from 'node:fs'
import path from 'node:path'

/** The real draft beside the repository (see the team brief), and the repo's own examples. */
const repoRoot = path.resolve(import.meta.dirname, '../..')
export const SAMPLE_PATH = path.resolve(repoRoot, '../shared/samples/county-stats-bureau-2022-summary.txt')
export const sampleText = (): string => readFileSync(SAMPLE_PATH, 'utf8')
export const exampleText = (name: string): string => readFileSync(path.resolve(repoRoot, 'examples', name), 'utf8')
