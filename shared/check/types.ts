import type { DocJSON, InlineJSON } from '../docJson'
import type { ImportCorrection } from '../import/importReport'
import type { SectionEntry } from '../sections'

export type Severity = 'error' | 'warning'

export interface CheckProblem {
  rule: string
  severity: Severity
  /** Chinese, for the drafter. */
  message: string
  /** Numbers from the top-level section down, e.g. ["一、", "（二）"]; [] for the preamble. */
  sectionPath: string[]
  /** Extension: the section (heading id) the problem is in, so the UI can jump there. */
  sectionId?: string | null
  placeholderId?: string | null
  /**
   * Extension: the words the problem is about, in context, as the check read them (a
   * placeholder as its pattern): select `text.slice(from, to)` where `text` occurs in the section.
   */
  excerpt?: { text: string; from: number; to: number }
}

export interface UnfilledPlaceholder {
  id: string | null
  kind: 'number' | 'text'
  pattern: string
  unit: string
  sectionPath: string[]
  /** Extension. */
  sectionId: string | null
  /** About 20 characters around the placeholder, shown as its pattern. */
  context: string
  /** Extension: where in `context` the placeholder's pattern stands (several `*` runs may be in it). */
  contextAt?: { from: number; to: number }
}

export interface CheckResult {
  ready: boolean
  unfilled: UnfilledPlaceholder[]
  problems: CheckProblem[]
}

/** A stretch of body text that belongs to one section (or to the preamble). */
export interface TextScope {
  section: SectionEntry | null
  sectionPath: string[]
  sectionId: string | null
  /** The section's own body runs: a run-in heading's body, then each paragraph. */
  runs: InlineJSON[][]
}

export interface CheckContext {
  doc: DocJSON
  sections: SectionEntry[]
  /** The preamble first, then every section's own body. */
  scopes: TextScope[]
  importCorrections: ImportCorrection[]
}

export type CheckRule = (context: CheckContext) => CheckProblem[]
