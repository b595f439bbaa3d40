import { useMemo, useRef } from 'react'
import type { CommentsState } from './useComments'
import { openThreadCounts, sameCounts } from './commentCounts'

/** The same Map object while the counts stay the same: the margin markers are redrawn only on a real change. */
function useStableCounts(counts: Map<string, number>): ReadonlyMap<string, number> {
  const stable = useRef<ReadonlyMap<string, number>>(counts)
  if (!sameCounts(stable.current, counts)) stable.current = counts
  return stable.current
}

/**
 * The loaded threads with `detached` decided against the headings in the editor (`headingIds`,
 * null until the text is there): the live text knows before the server does that a section was
 * deleted (or restored by undo), so the groups and counts follow typing. Plus the open counts.
 */
export function useLiveComments(loaded: CommentsState, headingIds: readonly string[] | null): { comments: CommentsState; counts: ReadonlyMap<string, number> } {
  // A string key: typing in a body keeps it equal, so nothing below is recomputed.
  const key = headingIds ? headingIds.join('\n') : null
  const threads = useMemo(() => {
    if (key === null) return loaded.threads
    const ids = new Set(key.split('\n'))
    return loaded.threads.map((thread) => (ids.has(thread.sectionId) === !thread.detached ? thread : { ...thread, detached: !ids.has(thread.sectionId) }))
  }, [loaded.threads, key])
  const comments = useMemo(() => ({ ...loaded, threads }), [loaded, threads])
  const counts = useStableCounts(openThreadCounts(threads))
  return { comments, counts }
}
