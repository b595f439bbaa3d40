import type { InlineJSON, PlaceholderAttrs } from './docJson'
import { pooledId as newId } from './import/idPool'

/**
 * Placeholder recognition: a run of `*` (optionally `*.*`, `**.*`) stands for a value the
 * draft does not know yet. Used by the importer and by the editor's paste/typing handlers.
 */

/** A star run: `*`, `**`, `***`, `*.*`, `**.*` (full-width ＊ and ． tolerated). */
export const STAR_RUN_SOURCE = '[*＊]+(?:[.．][*＊]+)?'
export const STAR_RUN = new RegExp(STAR_RUN_SOURCE, 'g')

/**
 * Measure words and units that may follow a number. Longest first, so `个百分点` wins over
 * `个`, `万元` over `万`, `小时` over nothing. An optional 万/亿/千/百 magnitude and a
 * 余/多 ("more than") may sit between the number and the unit.
 */
const BASE_UNITS = [
  '个百分点', '平方公里', '平方米', '人次', '小时', '公里', '公顷', '千克', '立方米', '亿元', '万元', '元',
  '次', '名', '人', '个', '条', '期', '项', '家', '户', '篇', '场', '件', '天', '亩', '吨', '批', '所', '座',
  '份', '台', '年', '月', '日', '周', '岁', '倍', '位', '处', '册', '本', '例', '起', '宗', '笔', '辆', '架',
  '套', '张', '幅', '部', '支', '轮', '届', '类', '种', '间', '栋', '米', '斤', '课', '卷', '页', '株', '头', '只', '枚', '首', '块', '棵', '节', '声',
].sort((a, b) => b.length - a.length)

const UNIT_AFTER = new RegExp(`^[余多]?(?:[万亿千百]?(?:${BASE_UNITS.join('|')})|万|亿)`)
const PERCENT_AFTER = /^[%％‰]/

/**
 * Nouns that begin with a measure-word character but name something: `**人民医院`,
 * `**部门`, `《**条例》`, `**项目建设`. After these a star run hides a name, not a count.
 */
const NAME_WORDS = /^(人民|部门|支部|处室|所长|局长|条例|台账|场所|期间|户籍|家庭|名单|名称|项目|位于|年级|本部|部长|处长|座谈)/

export interface PlaceholderGuess { kind: PlaceholderAttrs['kind']; unit: string }

const CJK = /[\u3400-\u9fff]/
const DIGIT = /[0-9０-９]/

/**
 * Decides what a star run stands for from the text right after it (and right before it).
 * A number needs a measure word in Chinese, so a run followed by a unit is a number and
 * one followed by any other Chinese character (`为**县`, `**同志`, `**镇`, `**局`) hides a
 * name: no list of place/office words is needed, everything that is not a unit counts; so does
 * one right after a label's colon (`联系人：**`); a run next to digits or followed by
 * punctuation/end (`增长**。`) is a number.
 */
export function classifyPlaceholder(pattern: string, after: string, before = ''): PlaceholderGuess {
  const percent = PERCENT_AFTER.exec(after)
  if (percent) return { kind: 'number', unit: percent[0] === '‰' ? '‰' : '%' }
  if (NAME_WORDS.test(after)) return { kind: 'text', unit: '' }
  const unit = UNIT_AFTER.exec(after)
  if (unit) return { kind: 'number', unit: unit[0].replace(/^[余多]/, '') }
  if (/[.．]/.test(pattern)) return { kind: 'number', unit: '' }
  // A field after a label (`联系人：**`, `联系电话：**`) holds a name, a phone or a date: text.
  if (/[：:]$/.test(before)) return { kind: 'text', unit: '' }
  if (DIGIT.test(after.charAt(0)) || DIGIT.test(before.charAt(before.length - 1))) return { kind: 'number', unit: '' }
  if (CJK.test(after.charAt(0))) return { kind: 'text', unit: '' }
  return { kind: 'number', unit: '' }
}

/** A fresh placeholder node for a star run. */
export function placeholderNode(pattern: string, after: string, before = ''): InlineJSON {
  const guess = classifyPlaceholder(pattern, after, before)
  return { type: 'placeholder', attrs: { id: newId(), kind: guess.kind, pattern, unit: guess.unit, value: '' } }
}

/** Splits a line of text into text and placeholder nodes. */
export function inlineWithPlaceholders(text: string): InlineJSON[] {
  const out: InlineJSON[] = []
  let last = 0
  STAR_RUN.lastIndex = 0
  for (let m = STAR_RUN.exec(text); m; m = STAR_RUN.exec(text)) {
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) })
    out.push(placeholderNode(m[0], text.slice(m.index + m[0].length, m.index + m[0].length + 8), text.slice(Math.max(0, m.index - 4), m.index)))
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) })
  return out
}
