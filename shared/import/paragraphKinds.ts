import type { ParagraphKind } from '../schema/paragraph'

// A year, month and day in Arabic or Chinese numerals, any of them still a star run.
const NUMERAL = String.raw`(?:\d{1,4}|[〇零一二三四五六七八九十]{1,4}|\*+)`
const DATE = new RegExp(String.raw`^${NUMERAL}年${NUMERAL}月${NUMERAL}日$`)
// A name: no sentence punctuation, short (a county bureau's name is 4–20 characters).
const NAME = /^[^。，；：！？,;:!?、（）()“”]{2,30}$/
// The addressees: organs, the last one before the colon, no sentence (各乡镇人民政府，县直各单位：,
// 各科室：, **：); "现将有关情况报告如下：" ends with no organ and is body text.
const ADDRESSEE = /^[^。；！？;!?：:]{0,78}(?:政府|单位|部门|机关|委员会|党委|党组|局|办公室|办|室|厅|处|科|站|所|院|校|中心|公司|集团|委|会|队|组|街道|乡镇|镇|乡|社区|村|同志|\*+)[：:]$/

// （此件公开发布）: one parenthesised line.
const NOTE = /^（[^（）]{1,60}）$/
// 附件：1.××× and the numbered names below it (2.×××).
export const ATTACHMENT_START = /^附件[：:]/
export const ATTACHMENT_MORE = /^\d+[.．]/

/**
 * The kinds the importer tells from position and form: the 主送机关 is the first line after the
 * title when it ends with a colon; the last two lines are 发文机关署名 and 成文日期 when the last is
 * a date and the one before it a name (a lone date at the end is a 成文日期 too); a line starting
 * 附件： before them is the 附件说明, with the numbered lines that follow it; a parenthesised line
 * right after the date is its 附注. `lines` are
 * the body paragraphs' texts in order, `null` for a heading; the answer is one kind (or null) each.
 */
export function recogniseParagraphKinds(lines: readonly (string | null)[]): (ParagraphKind | null)[] {
  const kinds: (ParagraphKind | null)[] = lines.map(() => null)
  let last = lines.length - 1
  // §7.3.6 附注 "居左空二字加圆括号编排在成文日期下一行": （此件公开发布） after the date.
  if (last >= 1 && lines[last] !== null && NOTE.test(lines[last]!) && lines[last - 1] !== null && DATE.test(lines[last - 1]!)) {
    kinds[last] = 'note'
    last -= 1
  }
  if (last >= 0 && lines[last] !== null && DATE.test(lines[last]!)) {
    kinds[last] = 'date'
    const before = lines[last - 1]
    if (last >= 1 && before !== null && before !== undefined && NAME.test(before)) kinds[last - 1] = 'signature'
  }
  const start = lines.findLastIndex((line, i) => line !== null && ATTACHMENT_START.test(line) && kinds[i] === null)
  if (start > 0) {
    for (let i = start; i < lines.length && kinds[i] === null; i++) {
      const line = lines[i]
      if (line === null || (i > start && !ATTACHMENT_MORE.test(line))) break
      kinds[i] = 'attachment'
    }
  }
  const first = lines[0]
  if (first !== null && first !== undefined && ADDRESSEE.test(first) && kinds[0] === null) kinds[0] = 'addressee'
  return kinds
}
