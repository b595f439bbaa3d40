import { chineseNumeral, parseChineseNumeral } from '../../numbering'
import { inlineText } from '../../sections'
import type { CheckProblem, CheckRule } from '../types'

/**
 * `一是…二是…三是…` must count up by one within a section. A marker counts only at the
 * start of a paragraph or after punctuation, so 统一是/唯一是/再三是 are not markers.
 * A new paragraph may start a new list at 一是; a restart inside a paragraph, a skip or a
 * step back is reported once per occurrence.
 */
const MARKER = /(^|[。；;：:，,！？!?\s”"）)])([一二三四五六七八九十]{1,3})是/g

export const enumerationOrder: CheckRule = ({ scopes }) => {
  const problems: CheckProblem[] = []
  for (const scope of scopes) {
    let expected = 1
    for (const run of scope.runs) {
      const text = inlineText(run, 'pattern')
      let first = true
      MARKER.lastIndex = 0
      for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
        const n = parseChineseNumeral(m[2])
        if (n === undefined) continue
        if (first && n === 1) expected = 1
        first = false
        if (n !== expected) {
          const previous = expected - 1
          const what = n === 1 ? '重新从“一是”开始' : n > expected ? `跳过了“${chineseNumeral(expected)}是”` : '序号倒退'
          const at = m.index + m[1].length
          const start = Math.max(0, at - 6)
          problems.push({
            rule: 'enumeration-order', severity: 'warning', sectionPath: scope.sectionPath, sectionId: scope.sectionId,
            message: `列举序号不连续：${previous > 0 ? `“${chineseNumeral(previous)}是”之后` : '开头'}出现“${m[2]}是”（${what}），请检查列举顺序。`,
            excerpt: { text: text.slice(start, at + m[2].length + 7), from: at - start, to: at - start + m[2].length + 1 },
          })
        }
        expected = n + 1
      }
    }
  }
  return problems
}
