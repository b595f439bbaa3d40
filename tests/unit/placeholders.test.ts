import { describe, expect, it } from 'vitest'
import { classifyPlaceholder, inlineWithPlaceholders } from '../../shared/placeholders'

describe('placeholder recognition', () => {
  it('reads a star run before a unit or measure word as a number with that unit', () => {
    expect(classifyPlaceholder('**', '次，讲党课')).toEqual({ kind: 'number', unit: '次' })
    expect(classifyPlaceholder('*', '名第一书记')).toEqual({ kind: 'number', unit: '名' })
    expect(classifyPlaceholder('**', '万元。')).toEqual({ kind: 'number', unit: '万元' })
    expect(classifyPlaceholder('*.*', '亿元')).toEqual({ kind: 'number', unit: '亿元' })
    expect(classifyPlaceholder('**', '小时')).toEqual({ kind: 'number', unit: '小时' })
    expect(classifyPlaceholder('**', '公里')).toEqual({ kind: 'number', unit: '公里' })
    expect(classifyPlaceholder('**', '万人次')).toEqual({ kind: 'number', unit: '万人次' })
    expect(classifyPlaceholder('*', '个百分点')).toEqual({ kind: 'number', unit: '个百分点' })
    expect(classifyPlaceholder('**', '余名干部')).toEqual({ kind: 'number', unit: '名' })
    // 个人 in 往往*个人从事 is one person: the measure word 个 wins.
    expect(classifyPlaceholder('*', '个人从事几个专业')).toEqual({ kind: 'number', unit: '个' })
  })

  it('gives a following percent sign the unit %', () => {
    expect(classifyPlaceholder('**', '%以上')).toEqual({ kind: 'number', unit: '%' })
    expect(classifyPlaceholder('**.*', '％')).toEqual({ kind: 'number', unit: '%' })
    expect(classifyPlaceholder('*', '‰')).toEqual({ kind: 'number', unit: '‰' })
  })

  it('reads a star run before a place, a title or an office as text', () => {
    for (const after of ['县高质量发展', '市', '镇人民政府', '村古村落', '同志牵头', '局', '单位', '人民医院', '部门负责', '条例》', '项目建设']) {
      expect(classifyPlaceholder('**', after)).toEqual({ kind: 'text', unit: '' })
    }
  })

  it('reads a field after a label as text, unless a unit follows', () => {
    expect(classifyPlaceholder('**', '，联系电话', '联系人：')).toEqual({ kind: 'text', unit: '' })
    expect(classifyPlaceholder('**', '。', '联系电话：')).toEqual({ kind: 'text', unit: '' })
    expect(classifyPlaceholder('**', '项', '完成：')).toEqual({ kind: 'number', unit: '项' })
  })

  it('reads a run next to digits, before punctuation or with a decimal point as a number', () => {
    expect(classifyPlaceholder('**', '。')).toEqual({ kind: 'number', unit: '' })
    expect(classifyPlaceholder('**', '', '20')).toEqual({ kind: 'number', unit: '' })
    expect(classifyPlaceholder('*.*', '的增幅')).toEqual({ kind: 'number', unit: '' })
  })

  it('splits a line into text and placeholder nodes of each pattern', () => {
    const nodes = inlineWithPlaceholders('投资*.*亿元，增长**.*%，为**县完成***项*件')
    expect(nodes.map((n) => (n.type === 'text' ? n.text : `[${n.attrs.pattern}|${n.attrs.kind}|${n.attrs.unit}]`)).join('')).toBe(
      '投资[*.*|number|亿元]亿元，增长[**.*|number|%]%，为[**|text|]县完成[***|number|项]项[*|number|件]件')
  })

  it('leaves a line without stars as one text node', () => {
    expect(inlineWithPlaceholders('没有待填项。')).toEqual([{ type: 'text', text: '没有待填项。' }])
  })
})
