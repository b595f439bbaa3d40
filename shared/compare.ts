import type { BlockJSON, DocJSON } from './docJson'
import { blockRuns, firstHeadingIndex, inlineText, placeholdersIn, tableCellTexts, walkSections } from './sections'
import { diffText, type DiffPart } from './textDiff'
import { PARAGRAPH_KIND_LABELS, paragraphKind } from './schema/paragraph'

export type { DiffPart } from './textDiff'

export type SectionChange = 'added' | 'removed' | 'changed' | 'unchanged'

/** What an entry of a comparison covers: the title line, the text between it and the first heading, or a section. */
export type ComparedPart = 'title' | 'opening' | 'section'

export interface PlaceholderChange {
  id: string
  before: string
  after: string
}

/** One section of a comparison (API "History": GET /compare). */
export interface SectionDiff {
  part: ComparedPart
  /** The heading id; "" for the title and the opening. */
  id: string
  /** The number in its own document: `to` for kept and added sections, `from` for removed ones. */
  number: string
  heading: string
  /** 1–4; 0 for the title and the opening. */
  level: number
  change: SectionChange
  diff: DiffPart[]
  placeholders: PlaceholderChange[]
}

export const TITLE_HEADING = '标题'
export const OPENING_HEADING = '开头'
// Heading ids never hold U+0000, so these keys match only each other.
const TITLE_KEY = '\u0000title'
const OPENING_KEY = '\u0000opening'

/** A section as compared: its own blocks only (sections are flat, children are compared on their own). */
interface Part {
  part: ComparedPart
  key: string
  id: string
  number: string
  heading: string
  level: number
  text: string
  placeholderIds: string[]
}

/** A paragraph of a kind reads with it (〔成文日期〕…), so that a change of kind alone shows in the diff. */
function kindLabel(doc: DocJSON, index: number): string {
  const block = doc.content[index] as BlockJSON
  const kind = block.type === 'paragraph' ? paragraphKind(block.attrs?.kind) : null
  return kind ? `〔${PARAGRAPH_KIND_LABELS[kind]}〕` : ''
}

function partOf(doc: DocJSON, from: number, to: number): { text: string; placeholderIds: string[] } {
  const lines: string[] = []
  const placeholderIds: string[] = []
  for (let i = from; i < to; i++) {
    const block = doc.content[i] as BlockJSON
    // A table reads row by row, its cells apart: 〔表格〕指标 ｜ 2022年.
    if (block.type === 'table') lines.push(...tableCellTexts(block).map((row) => `〔表格〕${row.join(' ｜ ')}`))
    else lines.push(kindLabel(doc, i) + inlineText(block.content))
    // A placeholder without an id cannot be matched across versions; its text still shows in the diff.
    for (const run of blockRuns(block)) for (const p of placeholdersIn(run)) if (p.id) placeholderIds.push(p.id)
  }
  return { text: lines.join('\n'), placeholderIds }
}

/**
 * The title line, the opening, then every section, keyed by heading id. The title is a block of
 * its own, so that its line never reads on into the opening's first paragraph. A repeated id (a
 * pasted heading) or a missing one gets a key of its own, so it is never matched with another section.
 */
function parts(doc: DocJSON, side: 'from' | 'to'): Part[] {
  const titleEnd = doc.content[0]?.type === 'title' ? 1 : 0
  const result: Part[] = [
    { part: 'title', key: TITLE_KEY, id: '', number: '', heading: TITLE_HEADING, level: 0, ...partOf(doc, 0, titleEnd) },
    { part: 'opening', key: OPENING_KEY, id: '', number: '', heading: OPENING_HEADING, level: 0, ...partOf(doc, titleEnd, firstHeadingIndex(doc)) },
  ]
  const seen = new Set<string>([TITLE_KEY, OPENING_KEY])
  walkSections(doc).forEach((section, index) => {
    let key = section.id ?? `\u0000${side}${index}`
    if (seen.has(key)) key = `\u0000${side}${index}`
    seen.add(key)
    result.push({
      part: 'section',
      key,
      id: section.id ?? '',
      number: section.number,
      heading: section.headingText,
      level: section.level,
      ...partOf(doc, section.blockIndex, section.bodyEnd),
    })
  })
  return result
}

function placeholderValues(doc: DocJSON): Map<string, string> {
  const values = new Map<string, string>()
  for (const block of doc.content) {
    for (const run of blockRuns(block)) for (const p of placeholdersIn(run)) if (p.id) values.set(p.id, p.value ?? '')
  }
  return values
}

/**
 * Placeholders of a section (on either side) whose value differs between the documents.
 * Values are looked up document-wide, so a placeholder that moved with its paragraph into
 * another section is not reported as changed.
 */
function placeholderChanges(ids: string[], before: Map<string, string>, after: Map<string, string>): PlaceholderChange[] {
  const changes: PlaceholderChange[] = []
  for (const id of new Set(ids)) {
    const was = before.get(id) ?? ''
    const is = after.get(id) ?? ''
    if (was !== is) changes.push({ id, before: was, after: is })
  }
  return changes
}

/** Most drafts go from the title straight to 一、: an opening that neither side has is left out. */
function withoutBlankOpening(fromParts: Part[], toParts: Part[]): [Part[], Part[]] {
  const blank = (p: Part) => p.part === 'opening' && !p.text.trim() && p.placeholderIds.length === 0
  if (!fromParts.some(blank) || !toParts.some(blank)) return [fromParts, toParts]
  return [fromParts.filter((p) => !blank(p)), toParts.filter((p) => !blank(p))]
}

/**
 * Compares two documents part by part, in the order of `to`: the title line, the opening before
 * the first heading, then the sections matched by heading id (a removed section follows its
 * predecessor in `from`). Each section's text is its heading line and its own paragraphs,
 * placeholders shown as their value (or pattern when unfilled).
 */
export function compareDocuments(from: DocJSON, to: DocJSON): SectionDiff[] {
  const [fromParts, toParts] = withoutBlankOpening(parts(from, 'from'), parts(to, 'to'))
  const fromByKey = new Map(fromParts.map((p) => [p.key, p]))
  const toKeys = new Set(toParts.map((p) => p.key))
  const fromValues = placeholderValues(from)
  const toValues = placeholderValues(to)

  const result: { key: string; diff: SectionDiff }[] = toParts.map((part) => {
    const old = fromByKey.get(part.key)
    const placeholders = placeholderChanges([...part.placeholderIds, ...(old?.placeholderIds ?? [])], fromValues, toValues)
    const change: SectionChange = !old
      ? 'added'
      : old.text !== part.text || old.level !== part.level || placeholders.length > 0
        ? 'changed'
        : 'unchanged'
    return {
      key: part.key,
      diff: {
        part: part.part, id: part.id, number: part.number, heading: part.heading, level: part.level, change,
        diff: diffText(old?.text ?? '', part.text),
        placeholders,
      },
    }
  })

  let previousKey = TITLE_KEY
  for (const part of fromParts) {
    if (!toKeys.has(part.key)) {
      const after = result.findIndex((entry) => entry.key === previousKey)
      result.splice(after + 1, 0, {
        key: part.key,
        diff: {
          part: part.part, id: part.id, number: part.number, heading: part.heading, level: part.level, change: 'removed',
          diff: diffText(part.text, ''),
          placeholders: placeholderChanges(part.placeholderIds, fromValues, toValues),
        },
      })
    }
    previousKey = part.key
  }
  return result.map((entry) => entry.diff)
}
