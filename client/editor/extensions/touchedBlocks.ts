import { Mapping, StepMap } from '@tiptap/pm/transform'
import type { Transaction } from '@tiptap/pm/state'
import type { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'

/** What a transaction changed, as one replaced range: `from`–`to` in the new document. */
export interface DocumentChange { mapping: Mapping; from: number; to: number }

/**
 * The range a transaction changed, found by comparing the documents. Its own steps would not
 * do: @tiptap/y-tiptap applies every remote change as a replacement of the whole document,
 * whose step map moves every position to an edge of it. Unchanged blocks are the same nodes
 * on both sides, so the comparison passes over them at once.
 */
export function documentChange(tr: Transaction): DocumentChange | null {
  const start = tr.before.content.findDiffStart(tr.doc.content)
  if (start == null) return null
  let { a: endBefore, b: endAfter } = tr.before.content.findDiffEnd(tr.doc.content)!
  // Repeated characters make the end ambiguous ("aa" → "aaa"): never let it pass the start.
  const overlap = start - Math.min(endBefore, endAfter)
  if (overlap > 0) {
    endBefore += overlap
    endAfter += overlap
  }
  return { mapping: new Mapping([new StepMap([start, endBefore - start, endAfter - start])]), from: start, to: endAfter }
}

/**
 * Decorations that each lie within one text block, kept up to date by reading again only the
 * blocks a transaction changed: a key, one's own or a colleague's, costs one block, not the document.
 * `change` when the caller has found it already.
 */
export function redecorateTouchedBlocks(
  set: DecorationSet,
  tr: Transaction,
  decorate: (block: PMNode, pos: number) => Decoration[],
  change: DocumentChange | null = documentChange(tr),
): DecorationSet {
  if (!change) return set
  let next = set.map(change.mapping, tr.doc)
  // One position wider on each side: a change at a block's edge (a join, a split) reads both blocks.
  const size = tr.doc.content.size
  tr.doc.nodesBetween(Math.max(0, change.from - 1), Math.min(change.to + 1, size), (node, pos) => {
    if (!node.isTextblock) return true
    next = next.remove(next.find(pos, pos + node.nodeSize)).add(tr.doc, decorate(node, pos))
    return false
  })
  return next
}
