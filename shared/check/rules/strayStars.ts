import type { InlineJSON } from '../../docJson'
import { documentLines } from '../context'
import type { CheckProblem, CheckRule } from '../types'

const STARS = /[*＊]+/g

/**
 * A `*` run left in the text itself, not made a placeholder (a lone `**` in a table cell, stars
 * typed after the import): a number still to find that the outline does not count, and that
 * would otherwise be printed as stars. One problem per run, its stars selected.
 */
export const strayStars: CheckRule = (context) => {
  const problems: CheckProblem[] = []
  for (const { run, sectionPath, sectionId } of documentLines(context)) {
    for (const { text, index, stars } of starsIn(run)) {
      const start = Math.max(0, index - 8)
      const excerpt = text.slice(start, index + stars.length + 8)
      problems.push({
        rule: 'stray-stars', severity: 'error', sectionPath, sectionId,
        message: `“${excerpt}”中的“${stars}”还没有填写：请填入内容，或删去星号。`,
        excerpt: { text: excerpt, from: index - start, to: index - start + stars.length },
      })
    }
  }
  return problems
}

/** The star runs of a block's own text, with the block as the check reads it (a placeholder as its pattern) and where each run starts in it. */
function starsIn(run: readonly InlineJSON[]): { text: string; index: number; stars: string }[] {
  let text = ''
  const found: { index: number; stars: string }[] = []
  for (const node of run) {
    if (node.type === 'text') for (const m of node.text.matchAll(STARS)) found.push({ index: text.length + m.index, stars: m[0] })
    text += node.type === 'text' ? node.text : node.attrs.pattern
  }
  return found.map((each) => ({ text, ...each }))
}
