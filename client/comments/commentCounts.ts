import type { Thread } from '../../shared/api/comments'

/** Open (unresolved, attached) threads per section id: what the outline and the margin show. */
export function openThreadCounts(threads: readonly Thread[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const thread of threads) {
    if (thread.resolved || thread.detached) continue
    counts.set(thread.sectionId, (counts.get(thread.sectionId) ?? 0) + 1)
  }
  return counts
}

/** True when both maps hold the same counts (so unchanged counts never redraw the margin). */
export function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false
  for (const [key, value] of a) if (b.get(key) !== value) return false
  return true
}
