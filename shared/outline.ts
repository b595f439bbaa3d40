import type { DocJSON, InlineJSON } from './docJson'
import { blockRuns, inlineText, placeholdersIn, sectionBody, splitRunIn, titleContent, walkSections, type SectionEntry } from './sections'

/** One section in the outline (CONTRACT.md "Outline"). */
export interface OutlineSection {
  id: string | null
  level: number
  number: string
  /** Heading without its number; for a run-in heading its first sentence through `。`. */
  heading: string
  /** Placeholders directly in the section: its heading line and its own body, not its children. */
  placeholders: number
  /** Extension: how many of those are still unfilled. */
  unfilled: number
  children: OutlineSection[]
}

export interface Outline {
  title: string
  sections: OutlineSection[]
  /** Whole document, title and preamble included. */
  placeholders: number
  unfilled: number
  /** 字数: characters of the whole text as it reads (title, heading numbers, filled values), without white space. */
  characters: number
}

const WHITE_SPACE = /\s/g

function characterCount(doc: DocJSON, entries: readonly SectionEntry[]): number {
  let count = entries.reduce((sum, entry) => sum + entry.number.length, 0)
  for (const block of doc.content ?? []) for (const run of blockRuns(block)) count += inlineText(run, 'values').replace(WHITE_SPACE, '').length
  return count
}

function directPlaceholders(doc: DocJSON, section: SectionEntry) {
  const runs: (readonly InlineJSON[])[] = [splitRunIn(section.heading.content, section.level).heading, ...sectionBody(doc, section)]
  return runs.flatMap((run) => placeholdersIn(run))
}

/**
 * The section tree of a document. "Directly in the section" means the heading line
 * (including a run-in body) and the body paragraphs up to the first child heading.
 */
export function buildOutline(doc: DocJSON): Outline {
  const entries = walkSections(doc)
  const nodes: OutlineSection[] = entries.map((entry) => {
    const own = directPlaceholders(doc, entry)
    return {
      id: entry.id, level: entry.level, number: entry.number, heading: entry.headingText,
      placeholders: own.length, unfilled: own.filter((p) => !p.value).length, children: [],
    }
  })
  const roots: OutlineSection[] = []
  entries.forEach((entry, i) => (entry.parent >= 0 ? nodes[entry.parent].children : roots).push(nodes[i]))
  const all = (doc.content ?? []).flatMap((block) => blockRuns(block).flatMap((run) => placeholdersIn(run)))
  return {
    title: inlineText(titleContent(doc)),
    sections: roots,
    placeholders: all.length,
    unfilled: all.filter((p) => !p.value).length,
    characters: characterCount(doc, entries),
  }
}
