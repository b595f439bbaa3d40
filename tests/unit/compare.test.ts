import { describe, expect, it } from 'vitest'
import { compareDocuments, OPENING_HEADING, TITLE_HEADING, type SectionDiff } from '../../shared/compare'
import { diffText } from '../../shared/textDiff'
import { importText } from '../../shared/import/importText'
import { findSection, walkSections } from '../../shared/sections'
import type { BlockJSON, DocJSON, PlaceholderJSON } from '../../shared/docJson'
import { sampleText } from './sampleDraft'

const sample = (): DocJSON => importText(sampleText()).doc
const copy = (doc: DocJSON): DocJSON => structuredClone(doc)

/** Applies a diff's parts to `before`: must give `after` for any correct diff. */
function apply(before: string, parts: { op: string; text: string }[]): string {
  let at = 0
  let out = ''
  for (const part of parts) {
    if (part.op === 'insert') out += part.text
    else {
      expect(before.slice(at, at + part.text.length)).toBe(part.text)
      if (part.op === 'equal') out += part.text
      at += part.text.length
    }
  }
  expect(at).toBe(before.length)
  return out
}

const byId = (diffs: SectionDiff[], id: string) => diffs.find((d) => d.id === id)!

describe('diffText', () => {
  it('gives parts that turn the old text into the new one', () => {
    const cases: [string, string][] = [
      ['开展学习*次', '开展学习12次'],
      ['', '新增内容'],
      ['删除内容', ''],
      ['一二三四五六', '六五四三二一'],
      ['统计数据质量不高', '统计数据的质量不够高'],
    ]
    for (const [before, after] of cases) expect(apply(before, diffText(before, after))).toBe(after)
  })

  it('finds a shortest edit: one replaced character is one deletion and one insertion', () => {
    const parts = diffText('开展学习*次，参加*人。', '开展学习*次，参加9人。')
    expect(parts).toEqual([
      { op: 'equal', text: '开展学习*次，参加' },
      { op: 'delete', text: '*' },
      { op: 'insert', text: '9' },
      { op: 'equal', text: '人。' },
    ])
  })
})

describe('compareDocuments on the county statistics bureau draft', () => {
  it('reports identical documents as unchanged, with the title and the opening first', () => {
    const doc = sample()
    const diffs = compareDocuments(doc, copy(doc))
    expect(diffs[0]).toMatchObject({ part: 'title', id: '', heading: TITLE_HEADING, level: 0, change: 'unchanged' })
    expect(diffs[1]).toMatchObject({ part: 'opening', id: '', heading: OPENING_HEADING, level: 0, change: 'unchanged' })
    expect(diffs.slice(2).every((d) => d.part === 'section')).toBe(true)
    expect(diffs.length).toBe(walkSections(doc).length + 2)
    expect(diffs.every((d) => d.change === 'unchanged' && d.placeholders.length === 0)).toBe(true)
    expect(diffs.every((d) => d.diff.every((part) => part.op === 'equal'))).toBe(true)
  })

  it('shows a filled placeholder as a placeholder change and a text change in its section', () => {
    const before = sample()
    const after = copy(before)
    // （二） under 一、: "开展集中学习**次".
    const section = walkSections(after).find((s) => s.headingText.startsWith('深入开展党史学习教育活动'))!
    const block = after.content[section.blockIndex] as BlockJSON
    const placeholder = block.content!.find((n): n is PlaceholderJSON => n.type === 'placeholder')!
    placeholder.attrs.value = '12'

    const diffs = compareDocuments(before, after)
    const changed = diffs.filter((d) => d.change !== 'unchanged')
    expect(changed.map((d) => d.id)).toEqual([section.id])
    const diff = changed[0]
    expect(diff).toMatchObject({ number: '（二）', level: 2, heading: '深入开展党史学习教育活动，强化思想引领。' })
    expect(diff.placeholders).toEqual([{ id: placeholder.attrs.id, before: '', after: '12' }])
    expect(diff.diff.filter((p) => p.op === 'delete')).toEqual([{ op: 'delete', text: '**' }])
    expect(diff.diff.filter((p) => p.op === 'insert')).toEqual([{ op: 'insert', text: '12' }])
    expect(diff.diff.map((p) => (p.op === 'delete' ? '' : p.text)).join('')).toContain('开展集中学习12次')
  })

  it('marks a removed section removed after its predecessor and a new one added', () => {
    const before = sample()
    const after = copy(before)
    const removed = walkSections(after).find((s) => s.headingText.startsWith('扎实开展干部作风教育大整顿工作'))!
    after.content.splice(removed.blockIndex, removed.bodyEnd - removed.blockIndex)
    const previous = walkSections(before)[walkSections(before).findIndex((s) => s.id === removed.id) - 1]
    const added: BlockJSON[] = [
      { type: 'sectionHeading', attrs: { id: 'new-section', level: 2 }, content: [{ type: 'text', text: '加强统计宣传。' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '开展统计开放日活动。' }] },
    ]
    after.content.push(...added)

    const diffs = compareDocuments(before, after)
    const gone = byId(diffs, removed.id!)
    expect(gone).toMatchObject({ change: 'removed', number: '（三）', heading: '扎实开展干部作风教育大整顿工作。' })
    expect(gone.diff.every((p) => p.op === 'delete')).toBe(true)
    expect(diffs[diffs.indexOf(gone) - 1].id).toBe(previous.id)

    const fresh = byId(diffs, 'new-section')
    expect(fresh).toMatchObject({ change: 'added', number: '（八）', level: 2, heading: '加强统计宣传。' })
    expect(fresh.diff).toEqual([{ op: 'insert', text: '加强统计宣传。\n开展统计开放日活动。' }])
    expect(diffs[diffs.length - 1]).toBe(fresh)

    // The sections after the removed one are renumbered but their text is untouched.
    const following = byId(diffs, walkSections(after).find((s) => s.headingText.startsWith('充分发挥经济运行监测'))!.id!)
    expect(following).toMatchObject({ change: 'unchanged', number: '（三）' })
    expect(diffs.filter((d) => d.change === 'unchanged').length).toBe(diffs.length - 2)
  })

  it('shows a paragraph that became the 成文日期 as changed, by the kind it reads with', () => {
    const before = importText(['通知', '正文。', '2023年5月10日（草）'].join('\n')).doc
    const after = copy(before)
    const last = after.content[2] as BlockJSON
    after.content[2] = { ...last, attrs: { kind: 'date' } } as BlockJSON
    const [, opening] = compareDocuments(before, after)
    expect(opening.change).toBe('changed')
    expect(opening.diff.filter((d) => d.op !== 'equal')).toEqual([{ op: 'insert', text: '〔成文日期〕' }])
  })

  it('does not mark a moved section as changed, and gives it its new number', () => {
    const before = sample()
    const after = copy(before)
    const moved = walkSections(after).find((s) => s.headingText.startsWith('开展驻村帮扶工作'))!
    const blocks = after.content.splice(moved.blockIndex, moved.bodyEnd - moved.blockIndex)
    // First among the subsections of 一、.
    const first = walkSections(after).find((s) => s.headingText.startsWith('落实全面从严治党责任'))!
    after.content.splice(first.blockIndex, 0, ...blocks)

    const diffs = compareDocuments(before, after)
    expect(findSection(after, moved.id!)!.number).toBe('（一）')
    expect(byId(diffs, moved.id!)).toMatchObject({ change: 'unchanged', number: '（一）', placeholders: [] })
    expect(diffs.every((d) => d.change === 'unchanged')).toBe(true)
    // In the order of the new document.
    expect(diffs.filter((d) => d.part === 'section').map((d) => d.id)).toEqual(walkSections(after).map((s) => s.id))
  })

  it('marks an edited heading and an edited title as changed in their own parts only', () => {
    const before = sample()
    const after = copy(before)
    const title = after.content[0] as { content: { type: 'text'; text: string }[] }
    title.content = [{ type: 'text', text: '县统计局2022年工作总结' }]
    const heading = walkSections(after).find((s) => s.headingText === '存在的问题')!
    ;(after.content[heading.blockIndex] as BlockJSON).content = [{ type: 'text', text: '存在的主要问题' }]

    const changed = compareDocuments(before, after).filter((d) => d.change !== 'unchanged')
    expect(changed.map((d) => [d.id, d.heading])).toEqual([['', TITLE_HEADING], [heading.id, '存在的主要问题']])
    expect(changed[1].diff).toEqual([
      { op: 'equal', text: '存在的' },
      { op: 'insert', text: '主要' },
      { op: 'equal', text: '问题' },
    ])
  })
})

describe('compareDocuments on the title line', () => {
  const draft = ['县统计局2022年工作总结', '为落实县委县政府的部署，现将工作总结如下。', '一、基本情况', '全年开展学习**次。'].join('\n')

  it('compares the title line as a block of its own, apart from the opening paragraph after it', () => {
    const before = importText(draft).doc
    const after = copy(before)
    ;(after.content[0] as { content: { type: 'text'; text: string }[] }).content = [{ type: 'text', text: '县统计局2022年工作总结（修订稿）' }]
    ;(after.content[1] as BlockJSON).content = [{ type: 'text', text: 'BBB丁戊己为落实县委县政府的部署，现将工作总结如下。' }]

    const [title, opening, ...sections] = compareDocuments(before, after)
    expect(title).toMatchObject({ part: 'title', heading: TITLE_HEADING, change: 'changed' })
    expect(title.diff).toEqual([
      { op: 'equal', text: '县统计局2022年工作总结' },
      { op: 'insert', text: '（修订稿）' },
    ])
    expect(opening).toMatchObject({ part: 'opening', heading: OPENING_HEADING, change: 'changed' })
    expect(opening.diff).toEqual([
      { op: 'insert', text: 'BBB丁戊己' },
      { op: 'equal', text: '为落实县委县政府的部署，现将工作总结如下。' },
    ])
    expect(sections.map((s) => [s.part, s.number, s.change])).toEqual([['section', '一、', 'unchanged']])
  })

  it('leaves out an opening neither version has, and shows one that only one version has', () => {
    const bare = importText(['学习情况报告', '一、基本情况', '开展学习**次。'].join('\n')).doc
    expect(compareDocuments(bare, copy(bare)).map((d) => d.part)).toEqual(['title', 'section'])

    const opened = importText(draft).doc
    const [, added] = compareDocuments(bare, opened)
    expect(added).toMatchObject({ part: 'opening', change: 'changed', diff: [{ op: 'insert', text: '为落实县委县政府的部署，现将工作总结如下。' }] })
    const [, removed] = compareDocuments(opened, bare)
    expect(removed).toMatchObject({ part: 'opening', change: 'changed', diff: [{ op: 'delete', text: '为落实县委县政府的部署，现将工作总结如下。' }] })
  })
})
