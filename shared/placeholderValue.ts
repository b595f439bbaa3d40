import type { PlaceholderAttrs } from './docJson'

export type PlaceholderValueResult = { ok: true; value: string } | { ok: false; message: string }

const MAX_TEXT = 50
/** Digits of a number, before and after the point: more than 15 and a JS number no longer holds it exactly. */
const MAX_DIGITS = 15
/** Stars are what marks a blank: a value with them would be printed as still to fill (`为**县县`), yet count as filled. */
const STARS = /[*＊]/

function halfWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[，,]/g, '')
}

/** Units that count whole things (次, 人, 个…): their numbers have no decimals. */
const COUNTING_UNITS = new Set([...'次人名个项家户场期篇件批条座所位支台辆套份处起例村镇乡天年届轮节周'])
/** Units of a date, the numbers they take, and what to say otherwise. */
const DATE_RANGES: Record<string, { least: number; most: number; message: string }> = {
  月: { least: 1, most: 12, message: '月份应在1到12之间。' },
  日: { least: 1, most: 31, message: '日期应在1到31之间。' },
}

/**
 * Validates what a user typed into a placeholder and returns the value to store.
 * Numbers: the star count does not limit the digits (`*` in a draft often hides 12 or 150:
 * drafters type one star for "a number"). A pattern with a dot (`*.*`, `**.*`) wants a decimal
 * (a whole number is accepted too, and stored as typed); so does any other number, unless its
 * unit counts whole things (`*次`, `**人`) or is part of a date (`*月` 1–12, `*日` 1–31). A `%`
 * unit wants 0–100, a `‰` unit 0–1000. The unit typed after the number (85%, 12次) is dropped:
 * the text after the placeholder has it already. Full-width digits and thousands separators
 * are normalised; at most 15 digits in all. Text: any non-empty text up to 50 characters. No value may hold `*` or `＊`.
 */
export function validatePlaceholderValue(attrs: Pick<PlaceholderAttrs, 'kind' | 'pattern' | 'unit'>, raw: string): PlaceholderValueResult {
  const trimmed = (raw ?? '').trim()
  if (!trimmed) return { ok: false, message: '请填写内容。' }
  if (STARS.test(trimmed)) return { ok: false, message: '不能包含 *，请填写实际内容。' }
  if (attrs.kind === 'text') {
    if ([...trimmed].length > MAX_TEXT) return { ok: false, message: `内容过长，最多${MAX_TEXT}个字。` }
    return { ok: true, value: trimmed }
  }
  const normalised = halfWidth(trimmed).replace(/％$/, '%')
  const unit = attrs.unit
  const value = unit && normalised.endsWith(unit) ? normalised.slice(0, -unit.length).trim() : normalised
  const dates = DATE_RANGES[unit]
  const whole = !/[.．]/.test(attrs.pattern) && (COUNTING_UNITS.has(unit) || dates !== undefined)
  if (whole) {
    if (!/^\d+$/.test(value)) return { ok: false, message: '请填写整数（只能包含数字）。' }
  } else if (!/^\d+(\.\d+)?$/.test(value)) {
    return { ok: false, message: unit === '%' ? '请填写0到100之间的百分比，可以带小数。' : '请填写数字，可以带小数，例如 12.5。' }
  }
  if (dates && (Number(value) < dates.least || Number(value) > dates.most)) return { ok: false, message: dates.message }
  if (unit === '%' && Number(value) > 100) return { ok: false, message: '百分比应在0到100之间。' }
  if (unit === '‰' && Number(value) > 1000) return { ok: false, message: '千分比应在0到1000之间。' }
  if (value.replace('.', '').length > MAX_DIGITS) return { ok: false, message: `数字过长，最多${MAX_DIGITS}位。` }
  return { ok: true, value }
}
