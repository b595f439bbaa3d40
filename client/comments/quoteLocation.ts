import type { Node as PMNode } from '@tiptap/pm/model'
import { findSectionById } from '../editor/sections'
import { blockTextMatches, type TextMatch } from '../editor/textMatches'

/**
 * Where a thread's quote still stands in its section's text, if it does. A quote copied across
 * blocks or placeholders (written with line breaks and □, useCaretSection) is found by its
 * longest piece of plain text, which is then what gets selected.
 */
export function findQuote(doc: PMNode, sectionId: string, quote: string): TextMatch | null {
  const piece = quote.split(/[\n□]/).map((part) => part.trim()).reduce((a, b) => (b.length > a.length ? b : a), '')
  const section = findSectionById(doc, sectionId)
  if (!piece || !section) return null
  let found: TextMatch | null = null
  doc.nodesBetween(section.pos, section.end, (node, pos) => {
    if (found || !node.isTextblock) return !found
    found = blockTextMatches(node, pos, piece, 1)[0] ?? null
    return false
  })
  return found
}
