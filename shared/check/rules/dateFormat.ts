import { kindRuns } from '../context'
import { inlineText } from '../../sections'
import type { CheckProblem, CheckRule } from '../types'

/**
 * §7.3.5.1 "成文日期中的数字用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即1不编为01）":
 * what the 成文日期 as filled in breaks of it (open placeholders are the placeholder check's).
 */
const RULES: { pattern: RegExp; message: string }[] = [
  { pattern: /[〇零一二三四五六七八九十]+/, message: '成文日期用阿拉伯数字标注' },
  { pattern: /^\d{2}(?=年)/, message: '成文日期的年份应标全称' },
  { pattern: /(?<=年|月)0\d/, message: '成文日期的月、日不编虚位（1 不写作 01）' },
]

export const dateFormat: CheckRule = (context) => {
  const problems: CheckProblem[] = []
  for (const { scope, run } of kindRuns(context, 'date')) {
    const text = inlineText(run)
    for (const { pattern, message } of RULES) {
      const found = pattern.exec(text)
      if (!found) continue
      problems.push({
        rule: 'date-format', severity: 'warning', sectionPath: scope.sectionPath, sectionId: scope.sectionId,
        message: `${message}：“${text}”。`,
        excerpt: { text, from: found.index, to: found.index + found[0].length },
      })
    }
  }
  return problems
}
