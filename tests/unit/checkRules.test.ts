import { describe, expect, it } from 'vitest'
import { importText } from '../../shared/import/importText'
import { buildCheckContext } from '../../shared/check/context'
import { numberingGap } from '../../shared/check/rules/numberingGap'
import { enumerationOrder } from '../../shared/check/rules/enumerationOrder'
import { duplicateWord, isLegitimateReduplication } from '../../shared/check/rules/duplicateWord'
import { emptySection } from '../../shared/check/rules/emptySection'
import { emptyHeading } from '../../shared/check/rules/emptyHeading'
import { templateHint } from '../../shared/check/rules/templateHint'
import { duplicatePunctuation } from '../../shared/check/rules/duplicatePunctuation'
import { halfWidthPunctuation } from '../../shared/check/rules/halfWidthPunctuation'
import { emptyTitle } from '../../shared/check/rules/emptyTitle'
import { strayStars } from '../../shared/check/rules/strayStars'
import { invalidValue } from '../../shared/check/rules/invalidValue'
import { impossibleDate } from '../../shared/check/rules/impossibleDate'
import { levelSkip } from '../../shared/check/rules/levelSkip'
import { heading, paragraph, placeholder, text } from '../helpers/docBuilders'
import { preSubmissionCheck } from '../../shared/check/index'
import type { CheckRule } from '../../shared/check/types'
import type { DocJSON } from '../../shared/docJson'

function run(rule: CheckRule, text: string) {
  const { doc, report } = importText(text)
  return rule(buildCheckContext(doc, report.corrections))
}

describe('rule numbering-gap', () => {
  it('reports each heading whose number the import corrected, at its current path', () => {
    const problems = run(numberingGap, '题\n一、甲\n正文。\n三、乙\n（一）子\n正文。\n（三）子\n正文。')
    expect(problems.map((p) => [p.severity, p.sectionPath])).toEqual([['warning', ['二、']], ['warning', ['二、', '（二）']]])
  })

  it('reports nothing for a draft numbered correctly', () => {
    expect(run(numberingGap, '题\n一、甲\n正文。\n二、乙\n正文。')).toEqual([])
  })

  it('reports a run of shifted sibling headings once, but separate slips separately', () => {
    const problems = run(numberingGap, '题\n一、甲\n（一）子\n正文。\n（三）子\n正文。\n（四）子\n正文。\n（六）子\n正文。')
    expect(problems.map((p) => p.sectionPath)).toEqual([['一、', '（二）'], ['一、', '（四）']])
    expect(problems[0].message).toContain('“（三）”至“（四）”')
  })

  it('drops a correction whose heading was deleted since the import', () => {
    const { doc, report } = importText('题\n一、甲\n正文。\n三、乙\n正文。')
    const edited: DocJSON = { ...doc, content: doc.content.slice(0, 3) }
    expect(numberingGap(buildCheckContext(edited, report.corrections))).toEqual([])
  })
})

describe('rule enumeration-order', () => {
  it('reports a list that goes back within a paragraph', () => {
    const problems = run(enumerationOrder, '题\n一、甲\n一是学习。二是调研。三是整改。二是服务。三是纪律。')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ severity: 'warning', sectionPath: ['一、'] })
    // The second 二是, in enough context to find it in the section.
    expect(problems[0].excerpt).toEqual({ text: '。三是整改。二是服务。三是纪', from: 6, to: 8 })
  })

  it('reports a skipped number and a restart inside a paragraph', () => {
    expect(run(enumerationOrder, '题\n一是学习。三是整改。')[0].message).toContain('跳过了“二是”')
    expect(run(enumerationOrder, '题\n一是学习；二是调研；一是整改。')[0].message).toContain('重新从“一是”开始')
  })

  it('accepts a list that counts up, across paragraphs of one section too', () => {
    expect(run(enumerationOrder, '题\n一、甲\n一是学习。二是调研。\n三是整改。四是服务。')).toEqual([])
  })

  it('lets a new paragraph or a new section start its own list', () => {
    expect(run(enumerationOrder, '题\n一、甲\n一是学习。二是调研。\n一是整改。二是服务。\n二、乙\n一是纪律。')).toEqual([])
  })

  it('does not take words like 统一是 or 唯一是 for list markers', () => {
    expect(run(enumerationOrder, '题\n一是学习。标准统一是关键，唯一是前提，再三是强调。二是调研。')).toEqual([])
  })
})

describe('rule duplicate-word', () => {
  it('reports a doubled two-character word', () => {
    const problems = run(duplicateWord, '题\n一、甲\n要贯彻贯彻落实文件精神，落实落实责任。')
    expect(problems.map((p) => p.message.slice(0, 4))).toEqual(['“贯彻”', '“落实”'])
    expect(problems[0]).toMatchObject({ severity: 'warning', sectionPath: ['一、'] })
    // The copy to delete, in context; a placeholder reads as its pattern, as in the section.
    expect(run(duplicateWord, '题\n一、甲\n有**名贯彻贯彻落实。')[0].excerpt).toEqual({ text: '有**名贯彻贯彻落实。', from: 6, to: 8 })
  })

  it('reports a doubled three-character word', () => {
    expect(run(duplicateWord, '题\n要进一步进一步加强管理。')[0].message).toContain('“进一步”重复')
  })

  it('finds a doubled word in a run-in heading and its body', () => {
    expect(run(duplicateWord, '题\n一、甲\n（一）加强加强领导。推进推进工作。')).toHaveLength(2)
  })

  it('accepts tentative reduplication of allowed verbs where it reads as intended', () => {
    expect(run(duplicateWord, '题\n这件事要研究研究，大家再讨论讨论。我们学习学习。')).toEqual([])
    expect(run(duplicateWord, '题\n一个一个地解决，一步一步推进。')).toEqual([])
  })

  it('still reports an allowed verb doubled in the middle of a phrase', () => {
    expect(run(duplicateWord, '题\n认真学习学习贯彻党的精神。')).toHaveLength(1)
    expect(isLegitimateReduplication('学习', '认真', '贯彻')).toBe(false)
    expect(isLegitimateReduplication('研究', '要', '这个')).toBe(true)
  })
})

describe('rule duplicate-punctuation', () => {
  it('reports marks written twice or mixed, across the end of a run-in heading too, with the extra ones to select', () => {
    const problems = run(duplicatePunctuation, '题\n一、甲\n（一）加强领导。。正文，。再写；；完。')
    expect(problems.map((p) => [p.severity, p.sectionPath.join(''), p.message])).toEqual([
      ['warning', '一、（一）', '标点重复：“加强领导。。正文，。”，请删去多余的“。”。'],
      ['warning', '一、（一）', '标点重复：“领导。。正文，。再写；；”，请删去多余的“。”。'],
      ['warning', '一、（一）', '标点重复：“正文，。再写；；完。”，请删去多余的“；”。'],
    ])
    expect(problems.map(({ excerpt }) => excerpt!.text.slice(excerpt!.from, excerpt!.to))).toEqual(['。', '。', '；'])
  })

  it('leaves ellipses, dashes and ？！ alone', () => {
    expect(run(duplicatePunctuation, '题\n还有……等等——真的吗？！是的。')).toEqual([])
  })
})

describe('rule half-width-punctuation', () => {
  it('reports a half-width mark beside Chinese text once per paragraph, with how often, and the mark to select', () => {
    const problems = run(halfWidthPunctuation, '题\n一、甲\n（一）加强领导。正文一,正文二,正文三;完(见附件)。')
    expect(problems.map((p) => [p.severity, p.sectionPath.join(''), p.message])).toEqual([
      ['warning', '一、（一）', '半角标点：“领导。正文一,正文二,”中的“,”应为全角“，”（本段共 2 处，可用查找替换一并改正）。'],
      ['warning', '一、（一）', '半角标点：“文二,正文三;完(见附”中的“;”应为全角“；”。'],
      ['warning', '一、（一）', '半角标点：“,正文三;完(见附件)”中的“(”应为全角“（”。'],
      ['warning', '一、（一）', '半角标点：“;完(见附件)。”中的“)”应为全角“）”。'],
    ])
    expect(problems.map(({ excerpt }) => excerpt!.text.slice(excerpt!.from, excerpt!.to))).toEqual([',', ';', '(', ')'])
  })

  it('leaves marks between Latin letters and digits alone, and full-width ones', () => {
    expect(run(halfWidthPunctuation, '题\n会议于 10:30 开始，f(x) 与 a,b 两项；见附件（一）。')).toEqual([])
  })
})

describe('rule template-hint', () => {
  it('reports every writing hint left in the text as an error, with the hint to select', () => {
    const problems = run(templateHint, '题\n【提示：概述全年情况。】今年以来，工作有序推进。\n一、甲\n（一）加强领导。【提示：写明分工。】正文。\n（二）【提示：第二项】。【提示：写明做法。】')
    expect(problems.map((p) => [p.severity, p.sectionPath.join('')])).toEqual([['error', ''], ['error', '一、（一）'], ['error', '一、（二）'], ['error', '一、（二）']])
    // In a run-in heading the heading sentence and its body are each searched once.
    expect(problems.map((p) => p.excerpt!.text)).toEqual(['【提示：概述全年情况。】', '【提示：写明分工。】', '【提示：第二项】', '【提示：写明做法。】'])
    expect(problems[0].message).toBe('模板提示尚未替换：【提示：概述全年情况。】，请按提示写好后删去。')
  })

  it('leaves other text in 【】 alone', () => {
    expect(run(templateHint, '题\n依据【2023】5号文件，提示：按时报送。')).toEqual([])
  })
})

describe('rule empty-section', () => {
  it('reports a heading with neither body nor subsections as an error', () => {
    const problems = run(emptySection, '题\n一、甲\n（一）子\n二、乙\n正文。')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ rule: 'empty-section', severity: 'error', sectionPath: ['一、', '（一）'] })
    expect(run(emptySection, '题\n一、甲\n正文。\n二、乙')[0].sectionPath).toEqual(['二、'])
  })

  it('accepts a section with body, with subsections or run in', () => {
    expect(run(emptySection, '题\n一、甲\n（一）子。正文。\n（二）子\n1.项目\n正文。')).toEqual([])
  })

  it('accepts a level-3/4 item written as one complete statement', () => {
    expect(run(emptySection, '题\n一、甲\n1.项\n（1）开展清洁行动**次，实现全覆盖。\n（2）完成改造，达到标准。')).toEqual([])
    expect(run(emptySection, '题\n一、甲\n1.项\n（1）开展清洁行动')).toHaveLength(1)
  })

  it('blocks the check from being ready', () => {
    const { doc } = importText('题\n一、甲')
    expect(preSubmissionCheck(doc).ready).toBe(false)
  })
})

describe('rule empty-heading', () => {
  const doc: DocJSON = { type: 'doc', content: [
    { type: 'title', content: [{ type: 'text', text: '题' }] },
    { type: 'sectionHeading', attrs: { id: 'h1', level: 1 }, content: [] },
    { type: 'paragraph', content: [{ type: 'text', text: '正文。' }] },
    { type: 'sectionHeading', attrs: { id: 'h2', level: 1 }, content: [{ type: 'text', text: '  ' }] },
  ] }

  it('reports a heading without text as an error, once, with its section id', () => {
    const check = preSubmissionCheck(doc)
    expect(check.problems.map((p) => [p.rule, p.severity, p.sectionId, p.sectionPath])).toEqual([
      ['empty-heading', 'error', 'h1', ['一、']], ['empty-heading', 'error', 'h2', ['二、']],
    ])
    expect(check.ready).toBe(false)
  })

  it('accepts headings with text', () => {
    expect(run(emptyHeading, '题\n一、甲\n正文。')).toEqual([])
  })
})

describe('rules empty-title, stray-stars and invalid-value', () => {
  const check = (rule: CheckRule, ...blocks: unknown[]) => rule(buildCheckContext({ type: 'doc', content: blocks } as unknown as DocJSON))

  it('reports a title line without text as an error', () => {
    expect(check(emptyTitle, { type: 'title', content: [] }, heading('s1', 1, text('甲')))).toMatchObject([{ rule: 'empty-title', severity: 'error' }])
    expect(check(emptyTitle, { type: 'title', content: [text('通知')] })).toEqual([])
  })

  it('reports stars left in the text, not a placeholder, with the stars to select', () => {
    const problems = check(strayStars, { type: 'title', content: [text('通知')] }, heading('s1', 1, text('甲')), paragraph(text('共'), placeholder('p1', '', '**', '次'), text('次，另有**项')))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ rule: 'stray-stars', severity: 'error', sectionPath: ['一、'], sectionId: 's1' })
    const { text: context, from, to } = problems[0].excerpt!
    expect([context, context.slice(from, to)]).toEqual(['共**次，另有**项', '**'])
    expect(check(strayStars, { type: 'title', content: [text('通知')] }, paragraph(text('共'), placeholder('p1', '', '**', '次'), text('次')))).toEqual([])
  })

  it('reads a run-in heading line once, its sentence as well as its body', () => {
    // 「（一）开展**次调研。本月*日召开」: a heading sentence, then body text on the same line.
    const runIn = heading('s11', 2, text('开展**次调研。本月'), placeholder('p1', '45', '*', '日'), text('日召开'))
    const blocks = [{ type: 'title', content: [text('通知')] }, heading('s1', 1, text('甲')), runIn]
    expect(check(strayStars, ...blocks).map((p) => [p.sectionId, p.excerpt!.text.slice(p.excerpt!.from, p.excerpt!.to)])).toEqual([['s11', '**']])
    expect(check(invalidValue, ...blocks).map((p) => p.placeholderId)).toEqual(['p1'])
  })

  it('reads the title line too', () => {
    const title = { type: 'title', content: [text('**县'), placeholder('p1', '13', '*', '月'), text('月工作通知')] }
    expect(check(strayStars, title).map((p) => [p.sectionPath, p.excerpt!.text.slice(p.excerpt!.from, p.excerpt!.to)])).toEqual([[[], '**']])
    expect(check(invalidValue, title).map((p) => [p.sectionPath, p.placeholderId])).toEqual([[[], 'p1']])
  })

  it('reports a filled value its pattern refuses, where it stands', () => {
    const problems = check(invalidValue, { type: 'title', content: [text('通知')] }, heading('s1', 1, text('甲')), paragraph(placeholder('p1', '13', '*', '月'), text('月'), placeholder('p2', '5', '*', '日'), text('日')))
    expect(problems).toEqual([expect.objectContaining({ rule: 'invalid-value', severity: 'error', placeholderId: 'p1', sectionId: 's1', message: '待填项“*月”填的“13”不符合要求：月份应在1到12之间。' })])
  })

  it('reports a name stored with stars in it, which would print as 为**县县, and keeps the check from being ready', () => {
    const name = { type: 'placeholder', attrs: { id: 'p1', kind: 'text', pattern: '**', unit: '', value: '**县' } }
    const blocks = [{ type: 'title', content: [text('通知')] }, paragraph(text('为'), name, text('县高质量发展')), heading('s1', 1, text('甲')), paragraph(text('正文。'))]
    expect(check(invalidValue, ...blocks)).toEqual([expect.objectContaining({
      rule: 'invalid-value', severity: 'error', placeholderId: 'p1', sectionPath: [], message: '待填项“**”填的“**县”不符合要求：不能包含 *，请填写实际内容。',
    })])
    const result = preSubmissionCheck({ type: 'doc', content: blocks } as unknown as DocJSON)
    expect([result.unfilled, result.ready]).toEqual([[], false])
  })
})

describe('rule impossible-date', () => {
  const dates = (draft: string) => run(impossibleDate, draft).map((p) => p.message)
  const day = (id: string, value: string, pattern = '**') => ({ type: 'placeholder', attrs: { id, kind: 'number', pattern, unit: '日', value } })
  const month = (id: string, value: string) => ({ type: 'placeholder', attrs: { id, kind: 'number', pattern: '*', unit: '月', value } })
  const doc = (...blocks: unknown[]) => ({ type: 'doc', content: [{ type: 'title', content: [text('通知')] }, heading('s1', 1, text('甲')), ...blocks] }) as unknown as DocJSON

  it('reports a day its month does not have, made of filled placeholders, with the date to select as the section reads it', () => {
    const problems = impossibleDate(buildCheckContext(doc(paragraph(text('定于'), month('p1', '2'), text('月'), day('p2', '31'), text('日召开会议。')))))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ rule: 'impossible-date', severity: 'error', sectionPath: ['一、'], sectionId: 's1', message: '日期“2月31日”不存在：2月最多29日，请核对。' })
    const { text: context, from, to } = problems[0].excerpt!
    expect([context, context.slice(from, to)]).toEqual(['定于*月**日召开会议。', '*月**日'])
  })

  it('reports impossible dates written in the text, half- or full-width', () => {
    expect(dates('题\n一、甲\n2月30日前报送，4月31日、6月31日、9月31日和11月31日检查，２月３０日总结。')).toEqual([
      '日期“2月30日”不存在：2月最多29日，请核对。', '日期“4月31日”不存在：4月只有30日，请核对。', '日期“6月31日”不存在：6月只有30日，请核对。',
      '日期“9月31日”不存在：9月只有30日，请核对。', '日期“11月31日”不存在：11月只有30日，请核对。', '日期“２月３０日”不存在：2月最多29日，请核对。',
    ])
  })

  it('takes February 29 as possible without a year, and asks the year directly before it', () => {
    expect(dates('题\n2月29日、2024年2月29日、2000年2月29日，1月31日至12月31日。')).toEqual([])
    expect(dates('题\n2023年2月29日、1900年2月29日，2023年 2月29日。')).toEqual(['日期“2023年2月29日”不存在：2023年2月只有28日，请核对。', '日期“1900年2月29日”不存在：1900年2月只有28日，请核对。'])
    const signed = paragraph(placeholder('y', '2023', '****', '年'), text('年'), month('m', '2'), text('月'), day('d', '29'), text('日'))
    expect(impossibleDate(buildCheckContext(doc(signed))).map((p) => [p.message, p.excerpt!.text])).toEqual([['日期“2023年2月29日”不存在：2023年2月只有28日，请核对。', '****年*月**日']])
  })

  it('leaves open placeholders to the unfilled list and refused values to invalid-value', () => {
    expect(impossibleDate(buildCheckContext(doc(paragraph(text('2月'), day('p1', ''), text('日，'), month('p2', ''), text('月31日。')))))).toEqual([])
    expect(impossibleDate(buildCheckContext(doc(paragraph(text('2月'), day('p1', '45'), text('日。')))))).toEqual([])
  })

  it('keeps the check from being ready', () => {
    expect(preSubmissionCheck(importText('题\n一、甲\n于2月30日召开。').doc).ready).toBe(false)
  })
})

describe('rule level-skip', () => {
  it('reports a level-4 heading right under a level-1 heading as an error, with what is missing', () => {
    const problems = run(levelSkip, '题\n一、甲\n（1）开展调研。\n正文。\n二、乙\n正文。')
    expect(problems).toEqual([{
      rule: 'level-skip', severity: 'error', sectionPath: ['一、', '（1）'], sectionId: expect.any(String),
      message: '标题层级跳跃：“（1）”是四级标题，直接位于一级标题“一、”之下，缺少二级、三级标题。请补上中间层级的标题，或调整其级别（在标题中按 Shift-Tab 升级）。',
    }])
    expect(preSubmissionCheck(importText('题\n一、甲\n（1）开展调研。\n正文。').doc).ready).toBe(false)
  })

  it('reports sibling headings that skip alike once, at the first, and each place that skips apart', () => {
    const problems = run(levelSkip, '题\n一、甲\n1.子\n正文。\n2.子\n正文。\n（一）子\n1.项。正文。\n二、乙\n（1）项。正文。')
    expect(problems.map((p) => [p.sectionPath, p.message.split('。')[0]])).toEqual([
      [['一、', '1.'], '标题层级跳跃：“1.”至“2.”是三级标题，直接位于一级标题“一、”之下，缺少二级标题'],
      [['二、', '（1）'], '标题层级跳跃：“（1）”是四级标题，直接位于一级标题“二、”之下，缺少二级、三级标题'],
    ])
  })

  it('reports headings before any level-1 heading that start below it', () => {
    expect(run(levelSkip, '题\n（一）甲\n正文。\n一、乙\n正文。').map((p) => [p.sectionPath, p.message.split('。')[0]])).toEqual([
      [['（一）'], '标题层级跳跃：“（一）”是二级标题，但前面没有一级标题'],
    ])
  })

  it('accepts levels that go down one at a time and come back up any number', () => {
    expect(run(levelSkip, '题\n一、甲\n（一）子\n1.项\n（1）条。正文。\n二、乙\n正文。\n（一）子。正文。')).toEqual([])
  })
})
