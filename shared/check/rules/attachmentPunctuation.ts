import { kindRuns } from '../context'
import { inlineText } from '../../sections'
import type { CheckProblem, CheckRule } from '../types'

// §7.3.4 "附件名称后不加标点符号".
const TRAILING = /[。，、；：！？,.;:!?]+$/

export const attachmentPunctuation: CheckRule = (context) => {
  const problems: CheckProblem[] = []
  for (const { scope, run } of kindRuns(context, 'attachment')) {
    const text = inlineText(run, 'pattern')
    const mark = TRAILING.exec(text)
    if (!mark) continue
    const excerpt = text.slice(-12)
    const from = excerpt.length - mark[0].length
    problems.push({
      rule: 'attachment-punctuation', severity: 'warning', sectionPath: scope.sectionPath, sectionId: scope.sectionId,
      message: `附件名称后不加标点符号：“${excerpt}”，请删去“${mark[0]}”。`,
      excerpt: { text: excerpt, from, to: excerpt.length },
    })
  }
  return problems
}
