import { scopeBlockTexts } from '../context'
import type { CheckProblem, CheckRule } from '../types'

/** The half-width marks that have a full-width form in Chinese text (GB/T 15834), and that form. */
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' }

/** Han characters and the full-width punctuation around them: what makes a mark stand in Chinese text. */
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/

const MARK = /[,;:?!()]/g

/**
 * A half-width , ; : ? ! ( or ) beside Chinese text: pasted from elsewhere or typed with the
 * IME in English mode. Marks between Latin letters or digits (10:30, f(x)) are left alone. One
 * problem per mark and paragraph, with how often it occurs there: a pasted paragraph can hold
 * dozens, and 查找替换 fixes them at once.
 */
export const halfWidthPunctuation: CheckRule = ({ scopes }) => {
  const problems: CheckProblem[] = []
  for (const scope of scopes) {
    for (const text of scopeBlockTexts(scope)) {
      const found = new Map<string, { index: number; count: number }>()
      for (const m of text.matchAll(MARK)) {
        if (!CHINESE.test(text[m.index - 1] ?? '') && !CHINESE.test(text[m.index + 1] ?? '')) continue
        const seen = found.get(m[0])
        if (seen) seen.count++
        else found.set(m[0], { index: m.index, count: 1 })
      }
      for (const [mark, { index, count }] of found) {
        const start = Math.max(0, index - 6)
        const context = text.slice(start, index + 5)
        problems.push({
          rule: 'half-width-punctuation', severity: 'warning', sectionPath: scope.sectionPath, sectionId: scope.sectionId,
          message: `半角标点：“${context}”中的“${mark}”应为全角“${FULL_WIDTH[mark]}”${count > 1 ? `（本段共 ${count} 处，可用查找替换一并改正）` : ''}。`,
          // The mark selected: typing the full-width one replaces it.
          excerpt: { text: context, from: index - start, to: index - start + 1 },
        })
      }
    }
  }
  return problems
}
