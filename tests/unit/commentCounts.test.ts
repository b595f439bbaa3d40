import { describe, expect, it } from 'vitest'
import { openThreadCounts, sameCounts } from '../../client/comments/commentCounts'
import type { Thread } from '../../shared/api/comments'

const thread = (id: string, sectionId: string, resolved = false, detached = false): Thread => ({
  id, sectionId, quote: null, resolved, resolvedBy: null, resolvedAt: null, detached, createdAt: '2026-01-01T00:00:00Z', comments: [],
})

describe('open comment threads per section', () => {
  it('counts only unresolved threads whose section still exists', () => {
    const counts = openThreadCounts([thread('a', 's1'), thread('b', 's1'), thread('c', 's1', true), thread('d', 's2'), thread('e', 's3', false, true)])
    expect([...counts]).toEqual([['s1', 2], ['s2', 1]])
  })

  it('tells equal counts from changed ones, so unchanged counts never redraw the margin', () => {
    const before = new Map([['s1', 2], ['s2', 1]])
    expect(sameCounts(before, new Map([['s2', 1], ['s1', 2]]))).toBe(true)
    expect(sameCounts(before, new Map([['s1', 2], ['s2', 2]]))).toBe(false)
    expect(sameCounts(before, new Map([['s1', 2]]))).toBe(false)
    expect(sameCounts(new Map([['s1', 1]]), new Map([['s9', 1]]))).toBe(false)
  })
})
