import { scopeBlockTexts } from '../context'
import type { CheckProblem, CheckRule } from '../types'

/**
 * Two or more of 。，、；： in a row (`工作。。`, `，。`): a slip of the keyboard, often where a
 * template hint or a pasted sentence met the text around it. Ellipses (……), dashes (——) and
 * `？！` are not among them.
 */
const RUN = /[。，、；：]{2,}/g

export const duplicatePunctuation: CheckRule = ({ scopes }) => {
  const problems: CheckProblem[] = []
  for (const scope of scopes) {
    for (const text of scopeBlockTexts(scope)) {
      for (const m of text.matchAll(RUN)) {
        const start = Math.max(0, m.index - 6)
        const context = text.slice(start, m.index + m[0].length + 4)
        // All but the first mark selected: one key deletes the extra ones.
        const from = m.index - start + 1
        problems.push({
          rule: 'duplicate-punctuation', severity: 'warning', sectionPath: scope.sectionPath, sectionId: scope.sectionId,
          message: `标点重复：“${context}”，请删去多余的“${m[0].slice(1)}”。`,
          excerpt: { text: context, from, to: from + m[0].length - 1 },
        })
      }
    }
  }
  return problems
}
