import type { PlaceholderAttrs } from './docJson'

export type PlaceholderValueResult = { ok: true; value: string } | { ok: false; message: string }

const MAX_TEXT = 50

function halfWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[，,]/g, '')
}

/**
 * Validates what a user typed into a placeholder and returns the value to store.
 * Numbers: the star count does not limit the digits (`*` in a draft often hides 12 or 150:
 * drafters type one star for "a number"), so any whole number fits `*`/`**`/`***`;
 * a pattern with a dot (`*.*`, `**.*`) wants a decimal (a whole number is accepted too,
 * and stored as typed); a `%` unit wants 0–100, a `‰` unit 0–1000. Full-width digits and thousands separators
 * are normalised. Text: any non-empty text up to 50 characters.
 */
export function validatePlaceholderValue(attrs: Pick<PlaceholderAttrs, 'kind' | 'pattern' | 'unit'>, raw: string): PlaceholderValueResult {
  const trimmed = (raw ?? '').trim()
  if (!trimmed) return { ok: false, message: '请填写内容。' }
  if (attrs.kind === 'text') {
    if ([...trimmed].length > MAX_TEXT) return { ok: false, message: `内容过长，最多${MAX_TEXT}个字。` }
    return { ok: true, value: trimmed }
  }
  const normalised = halfWidth(trimmed)
  // "85%" typed into a `**%` placeholder: the % is already in the text after it.
  const value = attrs.unit === '%' ? normalised.replace(/[%％]$/, '') : attrs.unit === '‰' ? normalised.replace(/‰$/, '') : normalised
  const decimalPattern = /[.．]/.test(attrs.pattern)
  if (decimalPattern) {
    if (!/^\d+(\.\d+)?$/.test(value)) return { ok: false, message: '请填写数字，可以带小数，例如 12.5。' }
  } else if (!/^\d+$/.test(value)) {
    return { ok: false, message: attrs.unit === '%' ? '请填写0到100之间的整数百分比。' : '请填写整数（只能包含数字）。' }
  }
  if (attrs.unit === '%' && Number(value) > 100) return { ok: false, message: '百分比应在0到100之间。' }
  if (attrs.unit === '‰' && Number(value) > 1000) return { ok: false, message: '千分比应在0到1000之间。' }
  return { ok: true, value }
}
