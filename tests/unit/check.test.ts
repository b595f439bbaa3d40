import { describe, expect, it } from 'vitest'
import { importText } from '../../shared/import/importText'
import { preSubmissionCheck } from '../../shared/check/index'
import type { DocJSON, InlineJSON } from '../../shared/docJson'
import { walkSections } from '../../shared/sections'
import { sampleText } from './sampleDraft'

describe('the pre-submission check of the sample', () => {
  const { doc, report } = importText(sampleText())
  const check = preSubmissionCheck(doc, { importCorrections: report.corrections })

  it('lists all 25 unfilled placeholders with section paths and context', () => {
    expect(check.ready).toBe(false)
    expect(check.unfilled).toHaveLength(25)
    expect(check.unfilled[0]).toMatchObject({ kind: 'text', pattern: '**', unit: '', sectionPath: [], sectionId: null })
    expect(check.unfilled[0].context).toContain('为**县高质量发展')
    const study = check.unfilled.find((u) => u.pattern === '**' && u.unit === '次')!
    expect(study).toMatchObject({ kind: 'number', sectionPath: ['一、', '（二）'], context: '开展集中学习**次，讲党课*次，' })
    const percent = check.unfilled.find((u) => u.unit === '%')!
    expect(percent.sectionPath).toEqual(['二、', '（三）'])
    expect(percent.context).toContain('**%以上')
  })

  it('reports the corrected numbering as warnings pointing at the first renumbered section of each slip', () => {
    const gaps = check.problems.filter((p) => p.rule === 'numbering-gap')
    expect(gaps.map((g) => g.sectionPath)).toEqual([['三、'], ['三、', '（四）']])
    expect(gaps.every((g) => g.severity === 'warning' && typeof g.sectionId === 'string')).toBe(true)
    expect(gaps[0].message).toContain('“四、”')
    expect(gaps[1].message).toContain('“（五）”至“（八）”')
    expect(gaps[1].message).toContain('“（四）”至“（七）”')
  })

  it('reports the enumeration that goes back to 二是 in （一） of section 一', () => {
    const enumeration = check.problems.filter((p) => p.rule === 'enumeration-order')
    expect(enumeration).toHaveLength(1)
    expect(enumeration[0]).toMatchObject({ severity: 'warning', sectionPath: ['一、', '（一）'] })
    expect(enumeration[0].message).toContain('二是')
  })

  it('reports 贯彻贯彻 and nothing else as a doubled word', () => {
    const doubled = check.problems.filter((p) => p.rule === 'duplicate-word')
    expect(doubled).toHaveLength(1)
    expect(doubled[0]).toMatchObject({ severity: 'warning', sectionPath: ['三、', '（六）'] })
    expect(doubled[0].message).toContain('贯彻贯彻')
  })

  it('finds no skipped heading levels in the sample, whose headings go 一、 then （一） throughout', () => {
    expect(check.problems.filter((p) => p.rule === 'level-skip')).toEqual([])
    expect(new Set(walkSections(doc).map((s) => s.level))).toEqual(new Set([1, 2]))
  })

  it('finds no empty sections or headings in the sample', () => {
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([])
  })

  it('becomes ready once every placeholder is filled, warnings notwithstanding', () => {
    const filled = JSON.parse(JSON.stringify(doc)) as DocJSON
    for (const block of filled.content) for (const node of (block as { content?: InlineJSON[] }).content ?? []) {
      if (node.type === 'placeholder') node.attrs.value = node.attrs.kind === 'text' ? '清河' : '5'
    }
    const after = preSubmissionCheck(filled, { importCorrections: report.corrections })
    expect(after.unfilled).toEqual([])
    expect(after.problems.length).toBeGreaterThan(0)
    expect(after.ready).toBe(true)
  })

  it('imports and checks a 200-page draft quickly', () => {
    const text = sampleText()
    const body = text.split('\n').slice(2).join('\n')
    const big = [text, ...Array.from({ length: 60 }, () => body)].join('\n')
    expect(big.length).toBeGreaterThan(200 * 600)
    const started = performance.now()
    const imported = importText(big)
    const result = preSubmissionCheck(imported.doc, { importCorrections: imported.report.corrections })
    const took = performance.now() - started
    expect(result.unfilled.length).toBe(25 * 61)
    // Budget 200 ms on an idle machine; the bound is loose because tests share two cores.
    expect(took).toBeLessThan(1000)
  })
})
