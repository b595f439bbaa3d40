import { inlineText } from '../../sections'
import type { CheckProblem, CheckRule } from '../types'

/** A word of two to four characters written twice in a row: 贯彻贯彻, 进一步进一步. */
const DOUBLED = /([\u4e00-\u9fff]{2,4})\1/g

/**
 * Verbs whose "try-out" reduplication (研究研究, 商量商量) is legitimate Chinese. They are
 * allowed only where the reduplication reads as intended: before a clause break or the end,
 * or after a word that asks for it (要/再/来/好好…). "认真学习学习贯彻" is still a slip.
 */
const TENTATIVE_VERBS = new Set([
  '研究', '讨论', '学习', '商量', '考虑', '了解', '休息', '活动', '打扫', '整理', '交流', '认识', '锻炼', '准备',
  '介绍', '比较', '总结', '检查', '思考', '琢磨', '沟通', '调查', '分析', '联系', '议论', '盘算', '走动',
])
const INVITING_BEFORE = /(要|再|来|去|可以|应该|应当|需要|好好|一起|先|得|请|让|大家|我们|咱们)$/
const BREAK_AFTER = /^($|[，。；：！？、,.;:!?）)”"])/

export function isLegitimateReduplication(word: string, before: string, after: string): boolean {
  // 一个一个、一步一步、一年一年: numeral + measure word repeated means "one by one".
  if (word[0] === '一') return true
  if (!TENTATIVE_VERBS.has(word)) return false
  return INVITING_BEFORE.test(before) || BREAK_AFTER.test(after)
}

export const duplicateWord: CheckRule = ({ scopes }) => {
  const problems: CheckProblem[] = []
  for (const scope of scopes) {
    const runs = scope.section ? [scope.section.headingText, ...scope.runs.map((r) => inlineText(r, 'pattern'))] : scope.runs.map((r) => inlineText(r, 'pattern'))
    // The heading sentence is checked once: the run-in body is already among the runs.
    for (const text of runs) {
      DOUBLED.lastIndex = 0
      for (let m = DOUBLED.exec(text); m; m = DOUBLED.exec(text)) {
        const word = m[1]
        if (isLegitimateReduplication(word, text.slice(0, m.index), text.slice(m.index + m[0].length))) continue
        const start = Math.max(0, m.index - 4)
        const context = text.slice(start, m.index + m[0].length + 4)
        // The second copy is the one to delete: selected, one key removes it.
        const from = m.index - start + word.length
        problems.push({
          rule: 'duplicate-word', severity: 'warning', sectionPath: scope.sectionPath, sectionId: scope.sectionId,
          message: `“${word}”重复：“${context}”，请删去多余的“${word}”。`,
          excerpt: { text: context, from, to: from + word.length },
        })
      }
    }
  }
  return problems
}
