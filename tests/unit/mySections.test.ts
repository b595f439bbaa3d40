import { describe, expect, it } from 'vitest'
import { onlyMySections } from '../../client/assignments/mySections'
import type { OutlineSection } from '../../shared/outline'

const section = (id: string, level: number, ...children: OutlineSection[]): OutlineSection => ({
  id, level, number: id, heading: id, placeholders: 0, unfilled: 0, children,
})

const outline = [
  section('s1', 1, section('s11', 2), section('s12', 2, section('s121', 3))),
  section('s2', 1, section('s21', 2)),
  section('s3', 1),
]
const ids = (sections: OutlineSection[]): string[] => sections.flatMap((s) => [s.id!, ...ids(s.children)])

describe('the outline limited to my sections', () => {
  it('keeps my sections with their subsections and their ancestors as dimmed context', () => {
    const mine = new Set(['s12', 's3'])
    const { sections, context } = onlyMySections(outline, (id) => mine.has(id ?? ''))
    expect(ids(sections)).toEqual(['s1', 's12', 's121', 's3'])
    expect([...context].map((s) => s.id)).toEqual(['s1'])
  })

  it('is empty when nothing is assigned to me', () => {
    expect(onlyMySections(outline, () => false).sections).toEqual([])
  })
})
