import { describe, expect, it } from 'vitest'
import { hegaoSchema } from '../../shared/schema/index'
import { numberingDecorations } from '../../client/editor/extensions/sectionNumbering'
import { sectionAt, sectionsOf, unfilledPositions } from '../../client/editor/sections'

/** The numbering plugin's decorations and the section helpers, on the shared schema (no browser needed). */

const text = (t: string) => ({ type: 'text', text: t })
const heading = (id: string, level: number, t: string) => ({ type: 'sectionHeading', attrs: { id, level }, content: [text(t)] })
const doc = hegaoSchema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'title', content: [text('标题')] },
    { type: 'paragraph', content: [text('开头。')] },
    heading('a', 1, '甲'),
    heading('b', 2, '乙。正文继续'),
    { type: 'paragraph', content: [text('正文'), { type: 'placeholder', attrs: { id: 'p', kind: 'number', pattern: '**', unit: '次', value: '' } }, text('次')] },
    heading('c', 3, '丙'),
    heading('d', 2, '丁。'),
    heading('e', 1, '戊。后文'),
  ],
})

describe('section numbering in the editor', () => {
  it('labels headings from their levels and resets deeper counters', () => {
    const labels = numberingDecorations(doc)
      .find()
      .filter((d) => (d as unknown as { type: { attrs?: Record<string, string> } }).type.attrs?.['data-number'])
      .map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-number'])
    expect(labels).toEqual(['一、', '（一）', '1.', '（二）', '二、'])
  })

  it('marks only a heading that goes on after its first 。 below level 1 as run in', () => {
    const runIn = numberingDecorations(doc)
      .find()
      .filter((d) => (d as unknown as { type: { attrs?: Record<string, string> } }).type.attrs?.class?.split(' ').includes('run-in'))
    expect(runIn).toHaveLength(1)
    const b = sectionsOf(doc).find((s) => s.id === 'b')!
    const inline = numberingDecorations(doc).find(b.pos + 1, b.pos + b.node.nodeSize - 1).find((d) => d.from > b.pos && d.to < b.pos + b.node.nodeSize)!
    expect(doc.textBetween(inline.from, inline.to)).toBe('乙。')
  })

  it('gives each section its extent and path', () => {
    const sections = sectionsOf(doc)
    const [a, b, c, d, e] = sections
    expect(sections.map((s) => s.path.join(''))).toEqual(['一、', '一、（一）', '一、（一）1.', '一、（二）', '二、'])
    expect(a.end).toBe(e.pos)
    expect(b.end).toBe(d.pos)
    expect(c.end).toBe(d.pos)
    expect(sectionAt(doc, c.pos - 2)?.id).toBe('b')
    expect(sectionAt(doc, 3)).toBeNull()
    expect(unfilledPositions(doc)).toHaveLength(1)
  })
})
