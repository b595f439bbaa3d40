import { describe, expect, it } from 'vitest'
import { importText } from '../../shared/import/importText'
import { recogniseParagraphKinds } from '../../shared/import/paragraphKinds'
import { closingRightIndents, textWidthChars } from '../../shared/layout/gbt9704'
import { closingLayout } from '../../shared/layout/closing'
import { attachmentLayout } from '../../shared/layout/attachments'
import { preSubmissionCheck } from '../../shared/check/index'
import { exportText } from '../../shared/export/text'
import type { BlockJSON, DocJSON } from '../../shared/docJson'

const NOTICE = ['关于开展统计执法检查的通知', '', '各乡镇人民政府，县直各单位：', '为贯彻落实《统计法》，现将有关事项通知如下。', '一、检查内容', '检查统计台账**本。', '特此通知。', '县统计局', '2023年5月10日'].join('\n')
const kindsOf = (doc: DocJSON) => (doc.content.slice(1) as BlockJSON[]).map((b) => (b.type === 'paragraph' ? b.attrs?.kind ?? 'body' : 'heading'))

describe('the 主送机关 and the closing of a draft', () => {
  it('are told from position and form when a draft is imported, and the report names them', () => {
    const { doc, report } = importText(NOTICE)
    expect(kindsOf(doc)).toEqual(['addressee', 'body', 'heading', 'body', 'body', 'signature', 'date'])
    expect(report.recognised).toMatchObject({ addressee: '各乡镇人民政府，县直各单位：', signature: '县统计局', date: '2023年5月10日', paragraphs: 3 })
    expect(report.summary).toContain('主送机关“各乡镇人民政府，县直各单位：”')
    expect(report.summary).toContain('落款“县统计局 2023年5月10日”')
    // The text comes back as it was written.
    expect(exportText(doc)).toBe(NOTICE + '\n')
  })

  it('takes only what has the form: a sentence is not a 主送机关, a last line that is no date makes no closing', () => {
    expect(recogniseParagraphKinds(['现将有关事项通知如下：', '正文。'])).toEqual([null, null])
    expect(recogniseParagraphKinds(['各科室：', '正文。'])).toEqual(['addressee', null])
    expect(recogniseParagraphKinds(['县人民政府：', '正文。', '特此报告。', '2023年5月10日'])).toEqual(['addressee', null, null, 'date'])
    expect(recogniseParagraphKinds(['正文。', '县统计局', '五月十日'])).toEqual([null, null, null])
    expect(recogniseParagraphKinds(['正文。', '中共**县委办公室', '二〇二三年五月十日'])).toEqual([null, 'signature', 'date'])
    expect(recogniseParagraphKinds(['正文。', null, '2023年**月**日'])).toEqual([null, null, 'date'])
    expect(recogniseParagraphKinds([])).toEqual([])
  })

  it('makes a star run in the 主送机关 or the 署名 a name to write, and one in the date a number', () => {
    const { doc, report } = importText(['关于××的通知', '**：', '正文。', '**', '****年**月**日'].join('\n'))
    const blocks = doc.content.slice(1) as BlockJSON[]
    const kinds = blocks.map((b) => (b.content ?? []).flatMap((n) => (n.type === 'placeholder' ? [n.attrs.kind] : [])))
    expect(kinds).toEqual([['text'], [], ['text'], ['number', 'number', 'number']])
    expect(report.recognised.placeholders).toEqual({ number: 3, text: 2 })
  })
})

describe('placing the 署名 and 成文日期 (GB/T 9704-2012 §7.3.5.2)', () => {
  it('measures CJK characters as one and Latin digits as half', () => {
    expect(textWidthChars('县统计局')).toBe(4)
    expect(textWidthChars('2023年5月10日')).toBe(6.5)
  })

  it('starts the date two characters right of the signature, two characters in from the right when it is the longer', () => {
    // 县统计局 over 2023年5月10日: the date two in from the right; the signature starts two before it.
    expect(closingRightIndents(4, 6.5)).toEqual({ signature: 6.5, date: 2 })
    // A long signature keeps two characters on its right; the date starts two characters into it.
    expect(closingRightIndents(12, 6.5)).toEqual({ signature: 2, date: 5.5 })
    for (const [s, d] of [[4, 6.5], [12, 6.5], [8, 6]]) {
      const { signature, date } = closingRightIndents(s, d)
      expect(Math.min(signature, date)).toBeGreaterThanOrEqual(2)
      expect(signature + s - (date + d)).toBe(2)
    }
  })

  it('places a signature with the date under it as a pair, a blank line above, and a lone date two in from the right', () => {
    const { doc } = importText(NOTICE)
    const layout = closingLayout(doc.content)
    expect([...layout.entries()]).toEqual([
      [6, { rightChars: 6.5, spaceBefore: true }],
      [7, { rightChars: 2, spaceBefore: false }],
    ])
    const lone = importText(['报告', '正文。', '2023年5月10日'].join('\n')).doc
    expect([...closingLayout(lone.content).entries()]).toEqual([[2, { rightChars: 2, spaceBefore: true }]])
  })
})

describe('the 附件说明 (§7.3.4)', () => {
  const WITH_ATTACHMENTS = ['关于报送统计报表的通知', '各乡镇人民政府：', '现将有关报表印发给你们。', '附件：1.2026年统计报表', '2.填报说明', '县统计局', '2026年5月10日'].join('\n')

  it('is told from its 附件： line; the numbered lines under it are further attachments, not level-3 headings', () => {
    const { doc, report } = importText(WITH_ATTACHMENTS)
    expect(kindsOf(doc)).toEqual(['addressee', 'body', 'attachment', 'attachment', 'signature', 'date'])
    expect(report.recognised).toMatchObject({ attachments: ['附件：1.2026年统计报表', '2.填报说明'], sections: { 3: 0 } })
    expect(report.corrections).toEqual([])
    // Elsewhere a 1. line is still a heading.
    expect(kindsOf(importText(['标题', '一、工作', '1.第一项', '正文。'].join('\n')).doc)).toEqual(['heading', 'heading', 'body'])
  })

  it('starts two characters in, a blank line below the body, and lines every name and number up', () => {
    const layout = attachmentLayout(importText(WITH_ATTACHMENTS).doc.content)
    // 附件：(3) 1.(1): the first line at 2, its name and every wrapped line at 6; 2. under 1. (at 5).
    expect([...layout.entries()]).toEqual([
      [3, { leftChars: 6, hangingChars: 4, spaceBefore: true }],
      [4, { leftChars: 6, hangingChars: 1, spaceBefore: false }],
    ])
  })

  it('is checked for punctuation after a name', () => {
    const { doc } = importText(WITH_ATTACHMENTS.replace('2.填报说明', '2.填报说明。'))
    const problems = preSubmissionCheck(doc).problems.filter((p) => p.rule === 'attachment-punctuation')
    expect(problems).toMatchObject([{ severity: 'warning', message: '附件名称后不加标点符号：“2.填报说明。”，请删去“。”。', excerpt: { text: '2.填报说明。', from: 6, to: 7 } }])
    expect(preSubmissionCheck(importText(WITH_ATTACHMENTS).doc).problems).toEqual([])
  })
})

describe('the 附注 and the form of the 成文日期 (§7.3.5.1, §7.3.6)', () => {
  it('takes a parenthesised line after the date as its 附注, and still finds the closing above it', () => {
    expect(recogniseParagraphKinds(['正文。', '县统计局', '2023年5月10日', '（此件公开发布）'])).toEqual([null, 'signature', 'date', 'note'])
    expect(recogniseParagraphKinds(['正文。', '（此件公开发布）'])).toEqual([null, null])
    const { report } = importText(['通知', '正文。', '县统计局', '2023年5月10日', '（此件公开发布）'].join('\n'))
    expect(report.summary).toContain('落款“县统计局 2023年5月10日 （此件公开发布）”')
  })

  it('asks for Arabic numerals, the full year and no leading zeros in the date, and passes a date written so', () => {
    const problemsOf = (date: string) =>
      preSubmissionCheck(importText(['通知', '正文。', '县统计局', date].join('\n')).doc).problems.filter((p) => p.rule === 'date-format')
    expect(problemsOf('二〇二三年五月十日').map((p) => [p.message, p.excerpt])).toEqual([
      ['成文日期用阿拉伯数字标注：“二〇二三年五月十日”。', { text: '二〇二三年五月十日', from: 0, to: 4 }],
    ])
    expect(problemsOf('23年5月10日').map((p) => p.message)).toEqual(['成文日期的年份应标全称：“23年5月10日”。'])
    expect(problemsOf('2023年05月01日').map((p) => p.excerpt)).toEqual([{ text: '2023年05月01日', from: 5, to: 7 }])
    expect(problemsOf('2023年5月10日')).toEqual([])
    expect(problemsOf('2023年**月**日')).toEqual([])
  })
})
