import type { BlockJSON, DocJSON, InlineJSON, PlaceholderAttrs, SectionHeadingJSON, TableJSON, TitleJSON } from './docJson'
import { numberLabels } from './numbering'
import { tableCells } from './tables'

/**
 * Read-only helpers over the flat document JSON: which headings open which sections,
 * their computed numbers, and where a run-in heading's heading sentence ends.
 */

export interface SectionEntry {
  id: string | null
  level: number
  /** Computed number as shown: 一、（一）1.（1）. */
  number: string
  /** Numbers from the top-level ancestor down to this section, e.g. ['一、', '（二）']. */
  path: string[]
  /** Index of the heading block in doc.content (the title is index 0). */
  blockIndex: number
  /** Index after the section's own body (the next heading of any level). */
  bodyEnd: number
  /** Index after the whole section, children included (next heading of same/higher level). */
  end: number
  heading: SectionHeadingJSON
  /** Heading sentence (through the first `。` for a run-in heading), placeholders as shown. */
  headingText: string
  runIn: boolean
  /** Index in the returned list of the parent section, or -1. */
  parent: number
}

/** 'shown': the value, the pattern while unfilled; 'pattern': always the pattern; 'values': the value, nothing while unfilled. */
export type PlaceholderRendering = 'shown' | 'pattern' | 'values'

/** Plain text of inline content, each placeholder rendered as `placeholders` says. */
export function inlineText(content: readonly InlineJSON[] | undefined, placeholders: PlaceholderRendering = 'shown'): string {
  let text = ''
  for (const node of content ?? []) {
    if (node.type === 'text') text += node.text
    else if (node.type === 'placeholder') {
      if (placeholders === 'pattern') text += node.attrs.pattern
      else text += node.attrs.value || (placeholders === 'shown' ? node.attrs.pattern : '')
    }
  }
  return text
}

/** The runs of inline content a block holds: its own, or a table's cell paragraphs in reading order. */
export function blockRuns(block: TitleJSON | BlockJSON): InlineJSON[][] {
  if (block.type === 'table') return tableCells(block).flat(2).map((paragraph) => paragraph.content ?? [])
  return [block.content ?? []]
}

/** A table's cells as text, row by row (a cell's paragraphs joined by a space). */
export function tableCellTexts(table: TableJSON, placeholders: PlaceholderRendering = 'shown'): string[][] {
  return tableCells(table).map((row) => row.map((cell) => cell.map((p) => inlineText(p.content, placeholders)).join(' ')))
}

/** Placeholders in inline content, in order. */
export function placeholdersIn(content: readonly InlineJSON[] | undefined): PlaceholderAttrs[] {
  const found: PlaceholderAttrs[] = []
  for (const node of content ?? []) if (node.type === 'placeholder') found.push(node.attrs)
  return found
}

/**
 * Splits a heading's inline content at the end of its first sentence (`。`): a run-in
 * heading keeps its body in the same paragraph. `body` is empty for a plain heading.
 * A level-1 heading is never run in (the whole line is the heading).
 */
export function splitRunIn(content: readonly InlineJSON[] | undefined, level = 2): { heading: InlineJSON[]; body: InlineJSON[] } {
  const nodes = content ?? []
  if (level <= 1) return { heading: [...nodes], body: [] }
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]
    if (node.type !== 'text') continue
    const at = node.text.indexOf('。')
    if (at < 0) continue
    const headPart = node.text.slice(0, at + 1)
    const bodyPart = node.text.slice(at + 1)
    const body: InlineJSON[] = [...(bodyPart ? [{ ...node, text: bodyPart }] : []), ...nodes.slice(i + 1)]
    if (!inlineText(body).trim()) return { heading: [...nodes], body: [] }
    return { heading: [...nodes.slice(0, i), { ...node, text: headPart }], body }
  }
  return { heading: [...nodes], body: [] }
}

export function isHeading(block: unknown): block is SectionHeadingJSON {
  return (block as BlockJSON | undefined)?.type === 'sectionHeading'
}

export function headingLevel(block: SectionHeadingJSON): number {
  const level = Math.round(Number(block.attrs?.level))
  return Number.isFinite(level) ? Math.min(4, Math.max(1, level)) : 1
}

/** Every section in document order, with numbers, paths and extents. */
export function walkSections(doc: DocJSON): SectionEntry[] {
  const blocks = (doc.content ?? []) as (BlockJSON | { type: 'title' })[]
  const headingIndexes: number[] = []
  blocks.forEach((block, index) => { if (isHeading(block)) headingIndexes.push(index) })
  const levels = headingIndexes.map((i) => headingLevel(blocks[i] as SectionHeadingJSON))
  const labels = numberLabels(levels)
  const entries: SectionEntry[] = []
  const stack: number[] = []
  headingIndexes.forEach((blockIndex, k) => {
    const heading = blocks[blockIndex] as SectionHeadingJSON
    const level = levels[k]
    while (stack.length && entries[stack[stack.length - 1]].level >= level) stack.pop()
    const parent = stack.length ? stack[stack.length - 1] : -1
    const split = splitRunIn(heading.content, level)
    let end = blocks.length
    for (let j = k + 1; j < headingIndexes.length; j++) if (levels[j] <= level) { end = headingIndexes[j]; break }
    entries.push({
      id: heading.attrs?.id ?? null, level, number: labels[k],
      path: [...stack.map((s) => entries[s].number), labels[k]],
      blockIndex, bodyEnd: headingIndexes[k + 1] ?? blocks.length, end,
      heading, headingText: inlineText(split.heading), runIn: split.body.length > 0, parent,
    })
    stack.push(entries.length - 1)
  })
  return entries
}

/** The inline runs that make up a section's own body: run-in text, then its paragraphs. */
export function sectionBody(doc: DocJSON, section: SectionEntry): InlineJSON[][] {
  const runs: InlineJSON[][] = []
  const runIn = splitRunIn(section.heading.content, section.level).body
  if (runIn.length) runs.push(runIn)
  for (let i = section.blockIndex + 1; i < section.bodyEnd; i++) {
    runs.push(...blockRuns(doc.content[i] as BlockJSON))
  }
  return runs
}

/** Index of the first heading (the preamble runs from 1 up to it). */
export function firstHeadingIndex(doc: DocJSON): number {
  const content = doc.content ?? []
  const i = content.findIndex((b) => isHeading(b))
  return i < 0 ? content.length : i
}

/** The title's inline content; a document whose first block is not a title has none. */
export function titleContent(doc: DocJSON): InlineJSON[] {
  const first = doc.content?.[0] as { type?: string; content?: InlineJSON[] } | undefined
  return first?.type === 'title' ? first.content ?? [] : []
}

/** Index of the first body block (1 after the title; 0 if a damaged document lacks it). */
export function bodyStart(doc: DocJSON): number {
  return (doc.content?.[0] as { type?: string } | undefined)?.type === 'title' ? 1 : 0
}

/** The section whose heading has `id`, or null. */
export function findSection(doc: DocJSON, id: string): SectionEntry | null {
  return walkSections(doc).find((s) => s.id === id) ?? null
}

/** The innermost section that contains the block at `blockIndex` (null in the title or preamble). */
export function sectionContaining(doc: DocJSON, blockIndex: number): SectionEntry | null {
  let found: SectionEntry | null = null
  for (const s of walkSections(doc)) {
    if (s.blockIndex > blockIndex) break
    if (blockIndex < s.end) found = s
  }
  return found
}
