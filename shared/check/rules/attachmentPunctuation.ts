import type { BlockJSON, InlineJSON } from '../../docJson'
import { paragraphKind } from '../../schema/paragraph'
import { inlineText } from '../../sections'
import type { CheckProblem, CheckRule } from '../types'

// §7.3.4 "附件名称后不加标点符号".
const TRAILING = /[。，、；：！？,.;:!?]+$/

export const attachmentPunctuation: CheckRule = ({ doc, scopes }) => {
  const attachments = new Set<InlineJSON[] | undefined>(
    (doc.content as BlockJSON[]).filter((b) => b.type === 'paragraph' && paragraphKind(b.attrs?.kind) === 'attachment').map((b) => b.content),
  )
  const problems: CheckProblem[] = []
  if (attachments.size === 0) return problems
  for (const scope of scopes) {
    for (const run of scope.runs) {
      if (!attachments.has(run)) continue
      const text = inlineText(run, 'pattern')
      const mark = TRAILING.exec(text)
      if (!mark) continue
      const context = text.slice(-12)
      const from = context.length - mark[0].length
      problems.push({
        rule: 'attachment-punctuation', severity: 'warning', sectionPath: scope.sectionPath, sectionId: scope.sectionId,
        message: `附件名称后不加标点符号：“${context}”，请删去“${mark[0]}”。`,
        excerpt: { text: context, from, to: context.length },
      })
    }
  }
  return problems
}
