import type { Node as PMNode } from '@tiptap/pm/model'

/** One occurrence of the searched text: document positions of its first and past its last character. */
export interface TextMatch { from: number; to: number }

/** More than anyone steps through; a one-character query in a 200-page draft stays below it. */
export const MAX_TEXT_MATCHES = 20_000

/** Latin letters compare without case; nothing else is folded, so every position keeps its length. */
const foldCase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase())

/**
 * The occurrences of `query` in one text block at `pos`, in order, without overlaps. A match
 * lies within one run of text: it never spans a placeholder (whose value is filled in place,
 * not typed), and a heading's number is not text, so it is not searched either.
 */
export function blockTextMatches(block: PMNode, pos: number, query: string, limit = MAX_TEXT_MATCHES): TextMatch[] {
  const needle = foldCase(query)
  const matches: TextMatch[] = []
  if (!needle) return matches
  const searchRun = (text: string, start: number) => {
    const haystack = foldCase(text)
    for (let i = haystack.indexOf(needle); i >= 0 && matches.length < limit; i = haystack.indexOf(needle, i + needle.length)) {
      matches.push({ from: start + i, to: start + i + needle.length })
    }
  }
  let run = ''
  let runStart = pos + 1
  block.forEach((child, offset) => {
    if (child.isText) {
      if (!run) runStart = pos + 1 + offset
      run += child.text
      return
    }
    searchRun(run, runStart)
    run = ''
  })
  searchRun(run, runStart)
  return matches
}

/** Every occurrence of `query` in the document's text blocks, in order (see blockTextMatches). */
export function findTextMatches(doc: PMNode, query: string): TextMatch[] {
  const matches: TextMatch[] = []
  if (!query) return matches
  doc.descendants((block, pos) => {
    if (!block.isTextblock) return true
    if (matches.length < MAX_TEXT_MATCHES) matches.push(...blockTextMatches(block, pos, query, MAX_TEXT_MATCHES - matches.length))
    return false
  })
  return matches
}

/** The index of the first match starting at or after `pos`, wrapping to the first one. */
export function matchAtOrAfter(matches: readonly TextMatch[], pos: number): number {
  if (!matches.length) return -1
  const i = matches.findIndex((m) => m.from >= pos)
  return i >= 0 ? i : 0
}
