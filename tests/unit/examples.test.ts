import { describe, expect, it } from 'vitest'
import { importText } from '../../shared/import/importText'
import { buildOutline } from '../../shared/outline'
import { preSubmissionCheck } from '../../shared/check/index'
import { walkSections } from '../../shared/sections'
import { exampleText } from './sampleDraft'

describe('the town work plan example', () => {
  const { doc, report } = importText(exampleText('town-2024-work-plan.txt'))
  const check = preSubmissionCheck(doc, { importCorrections: report.corrections })

  it('uses all four heading levels', () => {
    expect(report.recognised.sections).toEqual({ 1: 3, 2: 5, 3: 4, 4: 2 })
    expect(walkSections(doc).map((s) => s.number).join('')).toBe('一、二、（一）1.2.（二）1.（1）（2）2.（三）三、（一）（二）')
  })

  it('corrects its one numbering slip, （四） after （二）', () => {
    expect(report.corrections).toEqual([expect.objectContaining({ from: '（四）', to: '（三）', line: 16 })])
    expect(check.problems.filter((p) => p.rule === 'numbering-gap').map((p) => p.sectionPath)).toEqual([['二、', '（三）']])
  })

  it('recognises placeholders of every pattern with their units', () => {
    const byPattern = (pattern: string, unit: string) => check.unfilled.filter((u) => u.pattern === pattern && u.unit === unit)
    expect(byPattern('*.*', '亿元')).toHaveLength(1)
    expect(byPattern('**.*', '%')).toHaveLength(1)
    expect(byPattern('**', '万元')).toHaveLength(1)
    expect(byPattern('***', '万元')).toHaveLength(1)
    expect(byPattern('**', '%')).toHaveLength(3)
    expect(byPattern('*', '%')).toHaveLength(1)
    expect(byPattern('*.*', '万亩')).toHaveLength(1)
    expect(check.unfilled.filter((u) => u.kind === 'text').map((u) => u.context)).toEqual([
      '**镇2024年重点', '做强乡村旅游。依托**村古村落资源，打', '（社区）年度考核，由**同志牵头督办，确',
    ])
    expect(report.recognised.placeholders).toEqual({ number: 22, text: 3 })
  })

  it('keeps its run-in headings and has no structural errors', () => {
    expect(report.recognised.runInHeadings).toBe(7)
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(buildOutline(doc).sections[1].children[1].heading).toBe('加强基础设施建设。')
  })
})

describe('the archives report example', () => {
  const { doc, report } = importText(exampleText('county-office-2023-report.txt'))

  it('imports cleanly with eleven number placeholders and an ordered list', () => {
    expect(report.corrections).toEqual([])
    expect(report.recognised.placeholders).toEqual({ number: 11, text: 0 })
    const check = preSubmissionCheck(doc)
    expect(check.problems).toEqual([])
    expect(check.unfilled.map((u) => u.unit)).toEqual(['个', '万卷', '万件', '人次', '份', '%', '万元', '万页', '次', '处', '日'])
  })

  it('is addressed to its 主送机关 and closes with the 署名 and a 成文日期 still to fill', () => {
    expect(report.recognised).toMatchObject({ addressee: '县文化和旅游局：', signature: '县档案馆', date: '2024年1月**日' })
  })
})
