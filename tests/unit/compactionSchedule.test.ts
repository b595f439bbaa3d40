import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CompactionSchedule, HARD_LIMIT_FACTOR, QUIET_MS } from '../../server/collab/compactionSchedule'

describe('compaction schedule', () => {
  let compacted: string[]
  let schedule: CompactionSchedule
  beforeEach(() => {
    vi.useFakeTimers()
    compacted = []
    schedule = new CompactionSchedule(10, (id) => compacted.push(id))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('leaves a log at or below the threshold alone', () => {
    for (let rows = 1; rows <= 10; rows++) schedule.appended('a', rows)
    vi.advanceTimersByTime(QUIET_MS * 3)
    expect(compacted).toEqual([])
    expect(schedule.pending).toBe(0)
  })

  it('waits for a quiet moment while updates keep coming', () => {
    let rows = 11
    schedule.appended('a', rows)
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(QUIET_MS / 2)
      schedule.appended('a', ++rows)
    }
    expect(compacted).toEqual([])
    vi.advanceTimersByTime(QUIET_MS - 1)
    expect(compacted).toEqual([])
    vi.advanceTimersByTime(1)
    expect(compacted).toEqual(['a'])
    expect(schedule.pending).toBe(0)
  })

  it('compacts at once when the log passes the hard limit, and only once', () => {
    schedule.appended('a', 11)
    schedule.appended('a', 10 * HARD_LIMIT_FACTOR + 1)
    schedule.appended('a', 10 * HARD_LIMIT_FACTOR + 2)
    vi.advanceTimersByTime(0)
    expect(compacted).toEqual(['a'])
    vi.advanceTimersByTime(QUIET_MS * 2)
    expect(compacted).toEqual(['a'])
  })

  it('keeps documents apart and forgets a cancelled one', () => {
    schedule.appended('a', 11)
    schedule.appended('b', 11)
    schedule.cancel('a')
    vi.advanceTimersByTime(QUIET_MS)
    expect(compacted).toEqual(['b'])
    expect(schedule.pending).toBe(0)
  })
})
