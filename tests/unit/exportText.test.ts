import { describe, expect, it } from 'vitest'
import { importText } from '../../shared/import/importText'
import { exportText } from '../../shared/export/text'
import { exportMarkdown } from '../../shared/export/markdown'
import type { DocJSON, InlineJSON } from '../../shared/docJson'
import { exampleText, sampleText } from './sampleDraft'

const lines = (text: string) => text.replace(/\s+$/, '').split('\n').map((l) => l.trimEnd())

describe('text export', () => {
  it('gives the sample back line by line except the corrected numbers', () => {
    const text = sampleText()
    const { doc, report } = importText(text)
    const expected = lines(text)
    for (const c of report.corrections) expected[c.line - 1] = expected[c.line - 1].replace(c.from, c.to)
    expect(lines(exportText(doc))).toEqual(expected)
    expect(expected[20]).toBe('三、下步工作打算')
    expect(expected[24].startsWith('（四）加强经济运行的统计监测')).toBe(true)
  })

  it('gives each example back unchanged except its numbering slip', () => {
    for (const name of ['town-2024-work-plan.txt', 'county-office-2023-report.txt']) {
      const text = exampleText(name)
      const { doc, report } = importText(text)
      const expected = lines(text)
      for (const c of report.corrections) expected[c.line - 1] = expected[c.line - 1].replace(c.from, c.to)
      expect(lines(exportText(doc))).toEqual(expected)
    }
  })

  it('is stable: exporting an imported export changes nothing', () => {
    const once = exportText(importText(sampleText()).doc)
    expect(exportText(importText(once).doc)).toBe(once)
  })

  it('writes filled placeholders as their value and open ones as their pattern', () => {
    const { doc } = importText('题\n开展学习**次，覆盖**%，为**县。')
    const paragraph = doc.content[1] as { content: InlineJSON[] }
    const first = paragraph.content.find((n) => n.type === 'placeholder')!
    if (first.type === 'placeholder') first.attrs.value = '12'
    expect(exportText(doc)).toBe('题\n\n开展学习12次，覆盖**%，为**县。\n')
  })

  it('normalises the tolerant heading forms to the standard numbers', () => {
    const { doc } = importText('题\n一. 甲\n(一)乙。正文。\n１．丙\n(1)丁\n')
    expect(exportText(doc)).toBe('题\n\n一、甲\n（一）乙。正文。\n1.丙\n（1）丁\n')
  })
})

describe('Markdown export', () => {
  const doc: DocJSON = importText('工作总结\n为**县发展。\n一、情况\n（一）抓学习。开展学习**次。\n（二）抓作风\n整改*条。\n1.细项\n（1）更细\n').doc

  it('writes the title, headings by level and run-in headings as bold sentences', () => {
    expect(exportMarkdown(doc)).toBe([
      '# 工作总结', '为\\*\\*县发展。', '## 一、情况', '**（一）抓学习**。开展学习\\*\\*次。', '### （二）抓作风', '整改\\*条。', '#### 1.细项', '##### （1）更细',
    ].join('\n\n') + '\n')
  })

  it('writes filled placeholders as their value', () => {
    const filled = JSON.parse(JSON.stringify(doc)) as DocJSON
    const p = (filled.content[1] as { content: InlineJSON[] }).content[1]
    if (p.type === 'placeholder') p.attrs.value = '清河'
    expect(exportMarkdown(filled)).toContain('为清河县发展。')
  })
})
