import type { Node as PMNode } from '@tiptap/pm/model'
import { numberLabels } from '../../shared/numbering'

/** One top-level block of the document with its position (the doc is flat: title, then blocks). */
export interface TopBlock { node: PMNode; pos: number; index: number }

/** A heading with its computed number and the extent of its section (heading + body + children). */
export interface SectionInfo {
  id: string | null
  level: number
  label: string
  /** Labels from the top-level ancestor down to this heading, e.g. ['一、', '（二）']. */
  path: string[]
  index: number
  pos: number
  /** Position just after the last block of the section. */
  end: number
  node: PMNode
}

export function topBlocks(doc: PMNode): TopBlock[] {
  const blocks: TopBlock[] = []
  doc.forEach((node, offset, index) => blocks.push({ node, pos: offset, index }))
  return blocks
}

/** Every section of the document in order, numbered like the outline (一、 → （一） → 1. → （1）). */
export function sectionsOf(doc: PMNode): SectionInfo[] {
  const blocks = topBlocks(doc)
  const headings = blocks.filter((b) => b.node.type.name === 'sectionHeading')
  const labels = numberLabels(headings.map((h) => Number(h.node.attrs.level) || 1))
  const stack: SectionInfo[] = []
  const sections: SectionInfo[] = headings.map((h, i) => {
    const level = Number(h.node.attrs.level) || 1
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop()
    const info: SectionInfo = {
      id: h.node.attrs.id ?? null, level, label: labels[i], path: [...stack.map((s) => s.label), labels[i]],
      index: h.index, pos: h.pos, end: doc.content.size, node: h.node,
    }
    stack.push(info)
    return info
  })
  // A section runs to the next heading of the same or a higher level.
  for (let i = 0; i < sections.length; i++) {
    const next = sections.slice(i + 1).find((s) => s.level <= sections[i].level)
    if (next) sections[i].end = next.pos
  }
  return sections
}

/** The section whose heading is at or before `pos` (null in the preamble before the first heading). */
export function sectionAt(doc: PMNode, pos: number): SectionInfo | null {
  let found: SectionInfo | null = null
  for (const s of sectionsOf(doc)) {
    if (s.pos <= pos) found = s
    else break
  }
  return found
}

export function findSectionById(doc: PMNode, id: string): SectionInfo | null {
  return sectionsOf(doc).find((s) => s.id === id) ?? null
}

/** Position of the placeholder with `id` (inline, anywhere), or -1. */
export function findPlaceholderPos(doc: PMNode, id: string): number {
  let found = -1
  doc.descendants((node, pos) => {
    if (found >= 0) return false
    if (node.type.name === 'placeholder' && node.attrs.id === id) found = pos
    return node.isBlock
  })
  return found
}

/** Positions of all unfilled placeholders in document order. */
export function unfilledPositions(doc: PMNode): number[] {
  const positions: number[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'placeholder' && !node.attrs.value) positions.push(pos)
    return node.isBlock
  })
  return positions
}

/**
 * Where a check problem's excerpt is, between `from` and `to`: the range of the part it marks,
 * or null. Each block is read as the check reads it (a placeholder as its pattern).
 */
export function findExcerpt(doc: PMNode, from: number, to: number, excerpt: { text: string; from: number; to: number }): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null
  doc.nodesBetween(from, to, (block, pos) => {
    if (found || !block.isTextblock) return !found
    let text = ''
    // The document position of each character of `text`.
    const at: number[] = []
    block.forEach((child, offset) => {
      const part = child.isText ? child.text! : child.type.name === 'placeholder' ? String(child.attrs.pattern) : ''
      for (let i = 0; i < part.length; i++) at.push(pos + 1 + offset + (child.isText ? i : 0))
      text += part
    })
    const start = text.indexOf(excerpt.text)
    if (start >= 0) found = { from: at[start + excerpt.from], to: at[start + excerpt.to - 1] + 1 }
    return false
  })
  return found
}
