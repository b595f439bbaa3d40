import { describe, expect, it } from 'vitest'
import { importText } from '../../shared/import/importText'
import { parseHeadingLine } from '../../shared/import/headingLine'
import type { PlaceholderAttrs, SectionHeadingJSON } from '../../shared/docJson'
import { inlineText, walkSections } from '../../shared/sections'
import { sampleText } from './sampleDraft'

function placeholders(doc: ReturnType<typeof importText>['doc']): PlaceholderAttrs[] {
  return doc.content.flatMap((b) => ((b as { content?: { type: string; attrs?: PlaceholderAttrs }[] }).content ?? []))
    .filter((n) => n.type === 'placeholder').map((n) => n.attrs!)
}

describe('importing the county statistics bureau sample', () => {
  const { doc, report } = importText(sampleText())
  const sections = walkSections(doc)
  const top = sections.filter((s) => s.level === 1)

  it('takes the first line as the title', () => {
    expect(inlineText(doc.content[0].content as never)).toBe('县统计局领导班子2022年工作总结及下一步工作打算')
    expect(report.recognised.title).toBe('县统计局领导班子2022年工作总结及下一步工作打算')
  })

  it('finds three level-1 sections, the third renumbered 三、 from 四、', () => {
    expect(top.map((s) => s.number)).toEqual(['一、', '二、', '三、'])
    expect(top.map((s) => s.headingText)).toEqual(['工作开展情况及经验做法', '存在的问题', '下步工作打算'])
    expect(report.corrections[0]).toMatchObject({ kind: 'numbering', from: '四、', to: '三、', line: 21 })
  })

  it('finds 6, 7 and 7 subsections and renumbers the last ones （四）…（七）', () => {
    const childCounts = top.map((t) => sections.filter((s) => s.parent === sections.indexOf(t)).length)
    expect(childCounts).toEqual([6, 7, 7])
    expect(report.recognised.sections).toEqual({ 1: 3, 2: 20, 3: 0, 4: 0 })
    const last = sections.filter((s) => s.path[0] === '三、' && s.level === 2)
    expect(last.map((s) => s.number)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）'])
    expect(report.corrections.slice(1).map((c) => [c.from, c.to])).toEqual([['（五）', '（四）'], ['（六）', '（五）'], ['（七）', '（六）'], ['（八）', '（七）']])
  })

  it('strips the written numbers from the headings', () => {
    const heading = doc.content.find((b) => b.type === 'sectionHeading') as SectionHeadingJSON
    expect(inlineText(heading.content)).toBe('工作开展情况及经验做法')
  })

  it('keeps run-in headings as one heading node with their body', () => {
    const second = sections.find((s) => s.path.join('') === '一、（二）')!
    expect(second.runIn).toBe(true)
    expect(second.headingText).toBe('深入开展党史学习教育活动，强化思想引领。')
    expect(inlineText(second.heading.content)).toMatch(/^深入开展党史学习教育活动，强化思想引领。组织全局党员/)
    const first = sections.find((s) => s.path.join('') === '一、（一）')!
    expect(first.runIn).toBe(false)
    expect(report.recognised.runInHeadings).toBe(19)
    expect(report.recognised.paragraphs).toBe(3)
  })

  it('turns the 25 star runs into 24 number placeholders and one text placeholder', () => {
    const all = placeholders(doc)
    expect(all).toHaveLength(25)
    expect(all.filter((p) => p.kind === 'number')).toHaveLength(24)
    const text = all.filter((p) => p.kind === 'text')
    expect(text).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{12}$/), kind: 'text', pattern: '**', unit: '', value: '' }])
    expect(report.recognised.placeholders).toEqual({ number: 24, text: 1 })
    expect(new Set(all.map((p) => p.id)).size).toBe(25)
  })

  it('reads the unit after each number placeholder', () => {
    const units = placeholders(doc).filter((p) => p.kind === 'number').map((p) => p.unit)
    expect(units.filter((u) => u === '次')).toHaveLength(10)
    expect(units).toContain('%')
    expect(units).toContain('期')
    expect(units).toContain('条')
    expect(units.every((u) => u !== '')).toBe(true)
  })

  it('summarises what it recognised and corrected in Chinese', () => {
    expect(report.summary).toContain('一级标题3个')
    expect(report.summary).toContain('待填项25处')
    expect(report.summary).toContain('自动更正编号5处')
    expect(report.warnings).toEqual([])
  })
})

describe('recognising heading numbers', () => {
  it('accepts the tolerant forms of each level', () => {
    for (const line of ['一、总体要求', '一.总体要求', '一．总体要求', '一,总体要求', ' 一 、 总体要求', '十二、总体要求']) {
      expect(parseHeadingLine(line)).toMatchObject({ level: 1, text: '总体要求' })
    }
    for (const line of ['（一）加强领导', '(一)加强领导', '（一)加强领导', '(一）加强领导', '（ 一 ） 加强领导']) {
      expect(parseHeadingLine(line)).toMatchObject({ level: 2, n: 1, text: '加强领导' })
    }
    for (const line of ['1.发展农业', '1．发展农业', '１．发展农业', '1、发展农业', '12. 发展农业']) {
      expect(parseHeadingLine(line)).toMatchObject({ level: 3, text: '发展农业' })
    }
    for (const line of ['（1）清洁行动', '(1)清洁行动', '（１）清洁行动', '(2）清洁行动']) {
      expect(parseHeadingLine(line)).toMatchObject({ level: 4, text: '清洁行动' })
    }
  })

  it('does not take body lines that start with a number for headings', () => {
    for (const line of ['2022年，全县经济平稳运行。', '1.5亿元投资已到位。', '一是抓实全面从严治党。', '一方面要加强学习。', '十分重视统计工作。', '3月份完成年报。', '（一）', '1.']) {
      expect(parseHeadingLine(line)).toBeNull()
    }
  })

  it('resets lower-level counters under each parent and reports only real gaps', () => {
    const { doc, report } = importText('标题\n一、甲\n（一）子\n1.项\n（1）细\n（2）细\n2.项\n（二）子\n二、乙\n（一）子\n1.项\n3.项\n')
    expect(report.recognised.sections).toEqual({ 1: 2, 2: 3, 3: 4, 4: 2 })
    expect(report.corrections).toHaveLength(1)
    expect(report.corrections[0]).toMatchObject({ from: '3.', to: '2.', line: 12, level: 3 })
    expect(walkSections(doc).map((s) => s.number).join('')).toBe('一、（一）1.（1）（2）2.（二）二、（一）1.2.')
  })

  it('reports a duplicated number as corrected too', () => {
    const { report } = importText('标题\n一、甲\n正文。\n一、乙\n正文。')
    expect(report.corrections.map((c) => [c.from, c.to])).toEqual([['一、', '二、']])
  })

  it('keeps a level-1 line whole as a heading and warns about the extra sentences', () => {
    const { doc, report } = importText('标题\n一、工作情况。今年以来做了很多工作。\n正文。')
    const [section] = walkSections(doc)
    expect(section.runIn).toBe(false)
    expect(section.headingText).toBe('工作情况。今年以来做了很多工作。')
    expect(report.warnings).toHaveLength(1)
  })

  it('warns when a heading skips a level', () => {
    const { report } = importText('标题\n一、甲\n1.项\n正文')
    expect(report.warnings[0]).toContain('前面没有上一级标题')
  })

  it('ignores blank lines, indentation and Windows line ends', () => {
    const { doc, report } = importText('\r\n\r\n  标题  \r\n\r\n\u3000\u3000正文一。\r\n\r\n一、甲\r\n正文二。\r\n')
    expect(doc.content).toHaveLength(4)
    expect(report.recognised.paragraphs).toBe(2)
    expect(inlineText(doc.content[1].content as never)).toBe('正文一。')
  })

  it('imports an empty text as an empty titled document', () => {
    const { doc, report } = importText('')
    expect(doc.content).toEqual([{ type: 'title', content: [] }])
    expect(report.warnings).toHaveLength(1)
  })
})
