/**
 * 公文 section numbering by GB/T 9704-2012 §7.3.3: 一、 → （一） → 1. → （1）.
 * Numbers are computed from the sequence of heading levels, never stored.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`)
  if (n < 10) return DIGITS[n]
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '')
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '')
  if (n < 1000) {
    const rest = n % 100
    const restText = rest === 0 ? '' : rest < 10 ? '零' + DIGITS[rest] : rest < 20 ? '一' + chineseNumeral(rest) : chineseNumeral(rest)
    return DIGITS[Math.floor(n / 100)] + '百' + restText
  }
  return String(n)
}

/** Parses 一 … 九十九 (and 一百…) back to a number; undefined when it is not a numeral. */
export function parseChineseNumeral(text: string): number | undefined {
  if (!/^[零一二三四五六七八九十百两]+$/.test(text)) return undefined
  let total = 0
  let current = 0
  for (const ch of text) {
    const digit = ch === '两' ? 2 : DIGITS.indexOf(ch)
    if (digit >= 0) current = digit
    else if (ch === '十') { total += (current || 1) * 10; current = 0 }
    else if (ch === '百') { total += (current || 1) * 100; current = 0 }
  }
  return total + current
}

/** The label shown before a heading of `level` (1–4) that is the `n`-th at its level. */
export function numberLabel(level: number, n: number): string {
  switch (level) {
    case 1: return `${chineseNumeral(n)}、`
    case 2: return `（${chineseNumeral(n)}）`
    case 3: return `${n}.`
    default: return `（${n}）`
  }
}

/**
 * Labels for a sequence of heading levels in document order. A heading resets the
 * counters of every deeper level, so 二、 starts its subsections again at （一）.
 */
export function numberLabels(levels: readonly number[]): string[] {
  const counters = [0, 0, 0, 0, 0]
  return levels.map((level) => {
    counters[level] += 1
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0
    return numberLabel(level, counters[level])
  })
}
