import { describe, expect, it } from 'vitest'
import { importText } from '../../shared/import/importText'
import { findSection, inlineText, sectionContaining, splitRunIn, walkSections } from '../../shared/sections'
import type { InlineJSON } from '../../shared/docJson'

const { doc } = importText('题\n前言。\n一、甲\n（一）子。正文**次。\n1.项\n（1）细\n正文。\n（二）子二\n正文。\n二、乙\n正文。')

describe('walking the sections of a document', () => {
  const sections = walkSections(doc)

  it('gives each heading its level, computed number, path and parent', () => {
    expect(sections.map((s) => [s.level, s.number, s.path.join(''), s.parent])).toEqual([
      [1, '一、', '一、', -1], [2, '（一）', '一、（一）', 0], [3, '1.', '一、（一）1.', 1], [4, '（1）', '一、（一）1.（1）', 2],
      [2, '（二）', '一、（二）', 0], [1, '二、', '二、', -1],
    ])
  })

  it('knows where each section\'s own body and whole extent end', () => {
    const first = sections[0]
    expect([first.blockIndex, first.bodyEnd, first.end]).toEqual([2, 3, 9])
    const deepest = sections[3]
    expect([deepest.blockIndex, deepest.bodyEnd, deepest.end]).toEqual([5, 7, 7])
  })

  it('finds sections by id and by a block inside them', () => {
    expect(findSection(doc, sections[4].id!)?.number).toBe('（二）')
    expect(findSection(doc, 'missing')).toBeNull()
    expect(sectionContaining(doc, 6)?.path).toEqual(['一、', '（一）', '1.', '（1）'])
    expect(sectionContaining(doc, 8)?.path).toEqual(['一、', '（二）'])
    expect(sectionContaining(doc, 1)).toBeNull()
  })
})

describe('splitting a run-in heading', () => {
  const content: InlineJSON[] = importText('题\n（一）加强学习。开展**次。').doc.content[1].content as InlineJSON[]

  it('cuts after the first 。 and keeps placeholders in the body', () => {
    const { heading, body } = splitRunIn(content, 2)
    expect(inlineText(heading)).toBe('加强学习。')
    expect(inlineText(body)).toBe('开展**次。')
    expect(body.some((n) => n.type === 'placeholder')).toBe(true)
  })

  it('leaves a heading whole when nothing follows its 。 or when it is level 1', () => {
    expect(splitRunIn([{ type: 'text', text: '加强学习。 ' }], 2).body).toEqual([])
    expect(splitRunIn(content, 1).body).toEqual([])
  })
})

describe('a first line that looks like a heading', () => {
  it('is still the title, with a warning', () => {
    const { report } = importText('一、工作情况\n正文。')
    expect(report.recognised.title).toBe('一、工作情况')
    expect(report.warnings[0]).toContain('像章节标题')
  })
})
