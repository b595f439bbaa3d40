import type { InlineJSON } from '../docJson'
import { inlineText } from '../sections'
import { documentLines } from './context'
import type { CheckContext, UnfilledPlaceholder } from './types'

const BEFORE = 10
const AFTER = 8
// 】 ends a template hint, which reads as no part of the phrase.
const CLAUSE_END = /[，。；：！？,;:!?】]/

/**
 * ~20 characters around the placeholder at `index` of `run`, the placeholder shown as its
 * pattern. The lead-in starts after the latest clause break that still leaves a few (four)
 * characters, so the context reads as a phrase ("开展集中学习**次，讲党课").
 */
export function placeholderContext(run: readonly InlineJSON[], index: number): { context: string; at: { from: number; to: number } } {
  const before = inlineText(run.slice(0, index), 'pattern')
  const after = inlineText(run.slice(index + 1), 'pattern')
  let lead = before.slice(-BEFORE)
  // The latest clause break that still leaves a few characters.
  for (let i = lead.length - 5; i >= 0; i--) {
    if (CLAUSE_END.test(lead[i])) {
      lead = lead.slice(i + 1)
      break
    }
  }
  const node = run[index]
  const pattern = node.type === 'placeholder' ? node.attrs.pattern : ''
  return { context: lead + pattern + after.slice(0, AFTER), at: { from: lead.length, to: lead.length + pattern.length } }
}

/** Every unfilled placeholder, in document order: title, preamble, then each section. */
export function unfilledPlaceholders(context: CheckContext): UnfilledPlaceholder[] {
  const found: UnfilledPlaceholder[] = []
  const visit = (run: readonly InlineJSON[], sectionPath: string[], sectionId: string | null) => {
    run.forEach((node, index) => {
      if (node.type !== 'placeholder' || node.attrs.value) return
      const { id, kind, pattern, unit } = node.attrs
      const { context, at } = placeholderContext(run, index)
      found.push({ id, kind, pattern, unit, sectionPath, sectionId, context, contextAt: at })
    })
  }
  // A heading line is visited whole (heading sentence and run-in body) so the context is continuous.
  for (const { run, sectionPath, sectionId } of documentLines(context)) visit(run, sectionPath, sectionId)
  return found
}
