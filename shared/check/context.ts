import type { DocJSON, InlineJSON } from '../docJson'
import type { ImportCorrection } from '../import/importReport'
import { bodyStart, firstHeadingIndex, sectionBody, walkSections } from '../sections'
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
