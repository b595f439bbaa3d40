import type { BlockJSON, DocJSON, InlineJSON } from '../docJson'
import { paragraphKind, type ParagraphKind } from '../schema/paragraph'
import type { ImportCorrection } from '../import/importReport'
import { blockRuns, bodyStart, firstHeadingIndex, inlineText, sectionBody, titleContent, walkSections } from '../sections'
import type { CheckContext, TextScope } from './types'

export function buildCheckContext(doc: DocJSON, importCorrections: ImportCorrection[] = []): CheckContext {
  const sections = walkSections(doc)
  const preambleEnd = firstHeadingIndex(doc)
  const preamble: TextScope = {
    section: null, sectionPath: [], sectionId: null,
    runs: (doc.content.slice(bodyStart(doc), preambleEnd) as BlockJSON[]).flatMap(blockRuns),
  }
  const scopes: TextScope[] = [
    preamble,
    ...sections.map((section) => ({ section, sectionPath: section.path, sectionId: section.id, runs: sectionBody(doc, section) })),
  ]
  return { doc, sections, scopes, importCorrections }
}

/**
 * Each line of a scope once: its heading line whole (the heading sentence and any run-in body,
 * which `runs` starts with), then the body's blocks. What a rule finds then also spans the end of
 * the heading sentence (`工作。。`), and nothing in a run-in body is found twice.
 */
export function scopeLines(scope: TextScope): InlineJSON[][] {
  const { section, runs } = scope
  const body = runs.slice(section?.runIn ? 1 : 0)
  return section ? [section.heading.content ?? [], ...body] : body
}

/** Every line of the document once, with where it stands: the title line, then each scope's lines (see scopeLines). */
export function documentLines(context: CheckContext): { sectionPath: string[]; sectionId: string | null; run: InlineJSON[] }[] {
  return [
    { sectionPath: [], sectionId: null, run: titleContent(context.doc) },
    ...context.scopes.flatMap((scope) => scopeLines(scope).map((run) => ({ sectionPath: scope.sectionPath, sectionId: scope.sectionId, run }))),
  ]
}

/** Each line of a scope as the check reads it (a placeholder as its pattern; see scopeLines). */
export function scopeBlockTexts(scope: TextScope): string[] {
  return scopeLines(scope).map((run) => inlineText(run, 'pattern'))
}

/** The paragraphs of `kind`, each with the scope (section) it stands in. */
export function kindRuns({ doc, scopes }: CheckContext, kind: ParagraphKind): { scope: TextScope; run: InlineJSON[] }[] {
  const ofKind = new Set<InlineJSON[] | undefined>(
    (doc.content as BlockJSON[]).flatMap((b) => (b.type === 'paragraph' && paragraphKind(b.attrs?.kind) === kind ? [b.content] : [])),
  )
  if (ofKind.size === 0) return []
  return scopes.flatMap((scope) => scope.runs.filter((run) => ofKind.has(run)).map((run) => ({ scope, run })))
}
