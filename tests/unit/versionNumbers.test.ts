import { describe, expect, it } from 'vitest'
import { versionNumbers } from '../../client/history/versionNumbers'
import type { Version } from '../../shared/api/versions'

describe('version numbers', () => {
  it('count a document\'s versions from its oldest, whatever their ids across documents', () => {
    const version = (id: number) => ({ id, kind: 'named', name: null, username: 'a', displayName: 'a', at: '', hash: '' }) as unknown as Version
    // Newest first, as the list comes.
    const numberOf = versionNumbers([version(31), version(12), version(7)])
    expect([numberOf(7), numberOf(12), numberOf(31)]).toEqual(['#1', '#2', '#3'])
    // One the list does not hold (yet) keeps its id rather than a wrong number.
    expect(numberOf(40)).toBe('#40')
    expect(versionNumbers(null)(5)).toBe('#5')
  })
})
