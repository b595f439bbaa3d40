import { scopeBlockTexts } from '../context'
import type { CheckProblem, CheckRule } from '../types'

/** A template's writing hint, 【提示：…】: the drafter writes the text it asks for, then deletes it. */
export const TEMPLATE_HINT = /【提示：[^【】]{0,300}】/g

/** A hint still in the text is an error: a document must not be submitted with them. */
export const templateHint: CheckRule = ({ scopes }) => {
  const problems: CheckProblem[] = []
  for (const scope of scopes) {
    for (const text of scopeBlockTexts(scope)) {
      for (const [hint] of text.matchAll(TEMPLATE_HINT)) {
        problems.push({
          rule: 'template-hint', severity: 'error', sectionPath: scope.sectionPath, sectionId: scope.sectionId,
          message: `模板提示尚未替换：${hint.length > 24 ? `${hint.slice(0, 23)}…】` : hint}，请按提示写好后删去。`,
          // Selected whole: what is typed next replaces it.
          excerpt: { text: hint, from: 0, to: hint.length },
        })
      }
    }
  }
  return problems
}
