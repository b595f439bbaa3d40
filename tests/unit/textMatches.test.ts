import { describe, expect, it } from 'vitest'
import { hegaoSchema } from '../../shared/schema/index'
import { importText } from '../../shared/import/importText'
import { findTextMatches, matchAtOrAfter, MAX_TEXT_MATCHES } from '../../client/editor/textMatches'
import { heading, paragraph, placeholder, text } from '../helpers/docBuilders'
import { sampleText } from './sampleDraft'

const docOf = (...content: unknown[]) => hegaoSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'title', content: [text('题')] }, ...content] })
const found = (doc: ReturnType<typeof docOf>, query: string) => findTextMatches(doc, query).map((m) => doc.textBetween(m.from, m.to))

describe('finding text in a document (查找)', () => {
  const sample = hegaoSchema.nodeFromJSON(importText(sampleText()).doc)

  it('finds every occurrence in the sample, in order, each at the positions of its text', () => {
    const matches = findTextMatches(sample, '统计')
    // Every 统计 of the body text (the sample's title line included), none of them twice.
    const bodyText: string[] = []
    sample.descendants((node) => (node.isTextblock ? (bodyText.push(node.textContent), false) : true))
    expect(matches.length).toBe(bodyText.join('\n').split('统计').length - 1)
    expect(matches.length).toBeGreaterThan(50)
    for (const m of matches) expect(sample.textBetween(m.from, m.to)).toBe('统计')
    expect(matches.every((m, i) => i === 0 || m.from >= matches[i - 1].to)).toBe(true)
    expect(found(sample, '贯彻贯彻落实')).toEqual(['贯彻贯彻落实'])
  })

  it('finds text in headings, run-in ones too, but not a heading\'s number, which is not text', () => {
    const doc = docOf(heading('s1', 1, text('工作情况')), heading('s2', 2, text('抓党建。全年学习')), paragraph(text('正文一、二。')))
    expect(found(doc, '作情')).toEqual(['作情'])
    expect(found(doc, '党建。全年')).toEqual(['党建。全年'])
    expect(findTextMatches(doc, '（一）')).toEqual([])
    expect(findTextMatches(doc, '一、').length).toBe(1)
  })

  it('never matches across a placeholder or from one block into the next', () => {
    const doc = docOf(paragraph(text('开展学习'), placeholder('p1', '12'), text('次')), paragraph(text('会议')))
    expect(found(doc, '学习')).toEqual(['学习'])
    expect(findTextMatches(doc, '学习次')).toEqual([])
    expect(findTextMatches(doc, '学习12次')).toEqual([])
    expect(findTextMatches(doc, '次会')).toEqual([])
    expect(found(doc, '次')).toEqual(['次'])
  })

  it('compares Latin letters without case and leaves everything else as typed', () => {
    const doc = docOf(paragraph(text('全县GDP增长，gdp总量；ＧＤＰ')))
    expect(found(doc, 'gdp')).toEqual(['GDP', 'gdp'])
    expect(found(doc, 'ＧＤＰ')).toEqual(['ＧＤＰ'])
  })

  it('does not overlap matches, and an empty query finds nothing', () => {
    const doc = docOf(paragraph(text('啊啊啊啊啊')))
    expect(findTextMatches(doc, '啊啊').length).toBe(2)
    expect(findTextMatches(doc, '')).toEqual([])
  })

  it('stops at a bound that no one steps through', () => {
    const doc = docOf(paragraph(text('的'.repeat(MAX_TEXT_MATCHES + 10))))
    expect(findTextMatches(doc, '的').length).toBe(MAX_TEXT_MATCHES)
  })

  it('starts at the first match at or after the caret, wrapping to the first', () => {
    const matches = [{ from: 5, to: 7 }, { from: 20, to: 22 }]
    expect([matchAtOrAfter(matches, 0), matchAtOrAfter(matches, 5), matchAtOrAfter(matches, 6), matchAtOrAfter(matches, 30)]).toEqual([0, 0, 1, 0])
    expect(matchAtOrAfter([], 3)).toBe(-1)
  })
})
