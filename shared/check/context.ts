import type { DocJSON, InlineJSON } from '../docJson'
import type { ImportCorrection } from '../import/importReport'
import { bodyStart, firstHeadingIndex, inlineText, sectionBody, walkSections } from '../sections'
import type { CheckContext, TextScope } from './types'

export function buildCheckContext(doc: DocJSON, importCorrections: ImportCorrection[] = []): CheckContext {
  const sections = walkSections(doc)
  const preambleEnd = firstHeadingIndex(doc)
  const preamble: TextScope = {
    section: null, sectionPath: [], sectionId: null,
    runs: doc.content.slice(bodyStart(doc), preambleEnd).map((b) => ((b as { content?: InlineJSON[] }).content ?? [])),
  }
  const scopes: TextScope[] = [
    preamble,
    ...sections.map((section) => ({ section, sectionPath: section.path, sectionId: section.id, runs: sectionBody(doc, section) })),
  ]
  return { doc, sections, scopes, importCorrections }
}

/**
 * Each block of a scope as the check reads it (a placeholder as its pattern), a run-in heading
 * whole: what a rule finds then also spans the end of the heading sentence (`工作。。`).
 */
export function scopeBlockTexts(scope: TextScope): string[] {
  const { section, runs } = scope
  const texts = runs.slice(section?.runIn ? 1 : 0).map((run) => inlineText(run, 'pattern'))
  return section ? [inlineText(section.heading.content, 'pattern'), ...texts] : texts
}
