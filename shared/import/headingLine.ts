import { parseChineseNumeral } from '../numbering'

/** A heading recognised at the start of a line: its level, its written number and the rest. */
export interface HeadingLine {
  level: 1 | 2 | 3 | 4
  /** The number as written, e.g. `四、`, `(五）`, `１．`. */
  written: string
  /** The written number's value (四 → 4). */
  n: number
  /** The text after the number, with stray spaces after the separator removed. */
  text: string
}

const SP = '[ \\t\\u3000]*'
const CN = '[一二三四五六七八九十]{1,3}'
const DIGITS = '[0-9０-９]{1,3}'
// Level 1: 一、 一. 一． 一, 一，  — the separator is required, so 一是… is never a heading.
const LEVEL1 = new RegExp(`^${SP}(${CN})${SP}[、.．,，]${SP}`)
// Level 2: （一） (一) and mixed full-width/ASCII parens.
const LEVEL2 = new RegExp(`^${SP}[（(]${SP}(${CN})${SP}[）)]${SP}`)
// Level 3: 1. 1． １． 1、 — the separator must not be followed by a digit (1.5亿元 is a number).
const LEVEL3 = new RegExp(`^${SP}(${DIGITS})${SP}[.．、](?![0-9０-９])${SP}`)
// Level 4: （1） (1) （１）.
const LEVEL4 = new RegExp(`^${SP}[（(]${SP}(${DIGITS})${SP}[）)]${SP}`)

function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
}

/** Recognises a 公文 heading number at the start of `line`; null for a body line. */
export function parseHeadingLine(line: string): HeadingLine | null {
  const patterns: [HeadingLine['level'], RegExp, (s: string) => number | undefined][] = [
    [1, LEVEL1, parseChineseNumeral],
    [2, LEVEL2, parseChineseNumeral],
    [3, LEVEL3, (s) => Number(halfWidthDigits(s))],
    [4, LEVEL4, (s) => Number(halfWidthDigits(s))],
  ]
  for (const [level, pattern, parse] of patterns) {
    const m = pattern.exec(line)
    if (!m) continue
    const n = parse(m[1])
    if (n === undefined || !Number.isInteger(n) || n < 1) continue
    const text = line.slice(m[0].length)
    // A bare number with nothing after it is not a heading (e.g. a stray "1." line).
    if (!text.trim()) continue
    return { level, written: m[0].trim(), n, text: text.trimEnd() }
  }
  return null
}
