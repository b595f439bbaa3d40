import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { contentFromTemplate, listTemplates } from '../../server/templates/catalogue'
import { openDatabase } from '../../server/db/database'
import { importText } from '../../shared/import/importText'
import { preSubmissionCheck } from '../../shared/check/index'
import type { DocJSON } from '../../shared/docJson'

/** The draft as a drafter leaves it: every hint replaced by text, every placeholder filled. */
function completed(doc: DocJSON): DocJSON {
  return JSON.parse(JSON.stringify(doc, (key, value) => {
    if (key === 'text' && typeof value === 'string') return value.replace(/【提示：[^【】]*】/g, '按要求推进')
    if (value?.type === 'placeholder') {
      // A year (****年) is written in full, as the check of the 成文日期 asks.
      const filled = value.attrs.kind === 'text' ? '某' : value.attrs.pattern === '****' ? '2026' : '12'
      return { ...value, attrs: { ...value.attrs, value: filled } }
    }
    return value
  }))
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hegao-templates-'))
const db = openDatabase(dataDir)
afterAll(() => {
  db.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('the built-in templates', () => {
  for (const { id, name } of listTemplates(db)) {
    it(`${name} (${id}) imports cleanly, is refused while its hints remain, and is ready once written and filled`, () => {
      const doc = contentFromTemplate(db, id)!
      const check = preSubmissionCheck(doc)
      expect(check.problems.filter((p) => p.severity === 'error').every((p) => p.rule === 'template-hint')).toBe(true)
      expect(check.problems.some((p) => p.rule === 'template-hint')).toBe(true)
      expect(check.problems.filter((p) => p.severity === 'warning')).toEqual([])
      expect(preSubmissionCheck(completed(doc))).toMatchObject({ ready: true, problems: [] })
    })
  }

  it('are numbered as written: the import corrects nothing and warns of nothing', () => {
    for (const { id } of listTemplates(db)) {
      const { report } = importText(fs.readFileSync(path.resolve(import.meta.dirname, `../../server/templates/${id}.txt`), 'utf8'))
      expect([id, report.corrections, report.warnings]).toEqual([id, [], []])
    }
  })

  it('shows an unfilled figure in a phrase of its own, not with the end of a hint', () => {
    const contexts = preSubmissionCheck(contentFromTemplate(db, 'annual-summary')!).unfilled.map((u) => u.context)
    expect(contexts).toContain('全年召开党组会议**次，开展集中学习')
    expect(contexts.some((c) => c.includes('】'))).toBe(false)
  })

  it('knows no template by an unknown id', () => {
    expect(contentFromTemplate(db, '../package')).toBeUndefined()
  })
})
