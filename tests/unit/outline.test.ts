import { describe, expect, it } from 'vitest'
import { importText } from '../../shared/import/importText'
import { buildOutline } from '../../shared/outline'
import type { DocJSON } from '../../shared/docJson'
import { preSubmissionCheck } from '../../shared/check/index'
import { exportText } from '../../shared/export/text'
import { sampleText } from './sampleDraft'

describe('the outline', () => {
  const outline = buildOutline(importText(sampleText()).doc)

  it('has the shape of the contract, numbers computed', () => {
    expect(outline.title).toBe('县统计局领导班子2022年工作总结及下一步工作打算')
    expect(outline.sections.map((s) => `${s.number}${s.heading}`)).toEqual(['一、工作开展情况及经验做法', '二、存在的问题', '三、下步工作打算'])
    const first = outline.sections[0]
    expect(first).toMatchObject({ level: 1, number: '一、', placeholders: 0, unfilled: 0, id: expect.any(String) })
    expect(first.children[0]).toEqual({
      id: expect.any(String), level: 2, number: '（一）', heading: '落实全面从严治党责任，推进党风廉政建设。',
      placeholders: 5, unfilled: 5, children: [],
    })
    expect(outline.sections[2].children.map((c) => c.number)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）'])
  })

  it('counts the characters as the text reads: title, numbers, filled values; no white space, no open placeholder', () => {
    const doc = importText(['县统计局总结', '一、工作 情况', '开展学习*次，讲党课*次。'].join('\n')).doc
    // 县统计局总结, 一、, 工作情况, 开展学习次，讲党课次。
    expect(buildOutline(doc).characters).toBe(6 + 2 + 4 + 11)
    const filled = JSON.parse(JSON.stringify(doc).replace('"value":""', '"value":"12"')) as DocJSON
    expect(buildOutline(filled).characters).toBe(6 + 2 + 4 + 11 + 2)
  })

  it('gives a run-in heading only its first sentence', () => {
    expect(outline.sections[0].children[1].heading).toBe('深入开展党史学习教育活动，强化思想引领。')
  })

  it('counts placeholders directly in each section and for the whole document', () => {
    expect(outline.sections[0].children.map((c) => c.placeholders)).toEqual([5, 5, 7, 0, 1, 2])
    expect(outline.sections[1].children.map((c) => c.placeholders)).toEqual([0, 0, 3, 0, 1, 0, 0])
    // 24 inside sections plus 为**县 in the preamble.
    expect(outline.placeholders).toBe(25)
    expect(outline.unfilled).toBe(25)
  })

  it('counts a parent section only for what it holds before its first child', () => {
    const doc: DocJSON = { type: 'doc', content: [
      { type: 'title', content: [{ type: 'text', text: '题' }] },
      { type: 'sectionHeading', attrs: { id: 'a', level: 1 }, content: [{ type: 'text', text: '甲' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '共' }, { type: 'placeholder', attrs: { id: 'p1', kind: 'number', pattern: '*', unit: '次', value: '3' } }, { type: 'text', text: '次' }] },
      { type: 'sectionHeading', attrs: { id: 'b', level: 2 }, content: [{ type: 'text', text: '乙。有' }, { type: 'placeholder', attrs: { id: 'p2', kind: 'number', pattern: '**', unit: '个', value: '' } }, { type: 'text', text: '个' }] },
    ] }
    const outline = buildOutline(doc)
    expect(outline.sections[0]).toMatchObject({ placeholders: 1, unfilled: 0 })
    expect(outline.sections[0].children[0]).toMatchObject({ heading: '乙。', placeholders: 1, unfilled: 1 })
    expect(outline).toMatchObject({ placeholders: 2, unfilled: 1 })
  })
})

describe('reading damaged or empty documents', () => {
  it('gives an empty outline, check and export for a document without blocks', () => {
    const empty = { type: 'doc', content: [] } as unknown as DocJSON
    expect(buildOutline(empty)).toEqual({ title: '', sections: [], placeholders: 0, unfilled: 0, characters: 0 })
    // Nothing to number or fill in, but no title either: not ready for submission.
    expect(preSubmissionCheck(empty)).toMatchObject({ ready: false, unfilled: [], problems: [{ rule: 'empty-title', severity: 'error' }] })
    expect(exportText(empty)).toBe('\n\n')
  })

  it('reads a document whose first block is not a title as having no title', () => {
    const doc = { type: 'doc', content: [
      { type: 'sectionHeading', attrs: { id: 'a', level: 1 }, content: [{ type: 'text', text: '甲' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '正文。' }] },
    ] } as unknown as DocJSON
    expect(buildOutline(doc).sections.map((s) => s.number + s.heading)).toEqual(['一、甲'])
    expect(exportText(doc)).toBe('\n\n一、甲\n正文。\n')
  })
})
