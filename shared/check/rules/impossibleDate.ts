import type { InlineJSON, PlaceholderAttrs } from '../../docJson'
import { validatePlaceholderValue } from '../../placeholderValue'
import { documentLines } from '../context'
import type { CheckProblem, CheckRule } from '../types'

/** `X月Y日`, with the year `YYYY年` when it stands directly before; the digits half- or full-width. */
const DATE = /(?<![0-9０-９])(?:([0-9０-９]{4})年)?([0-9０-９]{1,2})月([0-9０-９]{1,2})日/g

/**
 * A date that no calendar has (2月30日, 4月31日), in the text or made of filled placeholders
 * (`*月**日` with 2 and 31): each value passes its own 1–12 or 1–31, only together do they
 * fail. February allows 29 unless the year before it says otherwise. One problem per date,
 * the date selected.
 */
export const impossibleDate: CheckRule = (context) => {
  const problems: CheckProblem[] = []
  for (const { run, sectionPath, sectionId } of documentLines(context)) {
    const line = readLine(run)
    for (const m of line.printed.matchAll(DATE)) {
      const [year, month, day] = [m[1], m[2], m[3]].map((digits) => (digits === undefined ? undefined : Number(halfWidthDigits(digits))))
      const reason = impossibility(year, month!, day!)
      if (!reason) continue
      const from = line.startAt[m.index]
      const to = line.endAt[m.index + m[0].length - 1]
      const start = Math.max(0, from - 8)
      problems.push({
        rule: 'impossible-date', severity: 'error', sectionPath, sectionId,
        message: `日期“${m[0]}”不存在：${reason}，请核对。`,
        excerpt: { text: line.read.slice(start, to + 8), from: from - start, to: to - start },
      })
    }
  }
  return problems
}

/** Why year/month/day is no date, or null when it is one. Without a year, 2月29日 may be a leap day. */
function impossibility(year: number | undefined, month: number, day: number): string | null {
  if (month < 1 || month > 12) return '月份应在1到12之间'
  if (day < 1) return '日期应从1日起'
  const most = daysInMonth(month, year)
  if (day <= most) return null
  if (month !== 2) return `${month}月只有${most}日`
  return year === undefined ? '2月最多29日' : `${year}年2月只有${most}日`
}

function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
}

/**
 * A line read twice: `printed` with the filled values (what the date will say) and `read` as the
 * check reads it (a placeholder as its pattern, where the editor finds the excerpt). For each
 * printed character, where it starts and ends in `read`: a value's characters span its pattern.
 * A value its pattern refuses is printed as the pattern, as invalid-value reports it already.
 */
function readLine(run: readonly InlineJSON[]): { printed: string; read: string; startAt: number[]; endAt: number[] } {
  let printed = ''
  let read = ''
  const startAt: number[] = []
  const endAt: number[] = []
  for (const node of run) {
    const pattern = node.type === 'text' ? node.text : node.attrs.pattern
    const shown = node.type === 'text' ? node.text : validValue(node.attrs) ?? pattern
    for (let i = 0; i < shown.length; i++) {
      startAt.push(read.length + (node.type === 'text' ? i : 0))
      endAt.push(read.length + (node.type === 'text' ? i + 1 : pattern.length))
    }
    printed += shown
    read += pattern
  }
  return { printed, read, startAt, endAt }
}

function validValue(attrs: PlaceholderAttrs): string | undefined {
  return attrs.value && validatePlaceholderValue(attrs, attrs.value).ok ? attrs.value : undefined
}
