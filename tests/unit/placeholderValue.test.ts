import { describe, expect, it } from 'vitest'
import { validatePlaceholderValue } from '../../shared/placeholderValue'

const number = (pattern: string, unit = '次') => ({ kind: 'number' as const, pattern, unit })

describe('validating a placeholder value', () => {
  it('accepts whole numbers of any length for star patterns', () => {
    expect(validatePlaceholderValue(number('*'), '12')).toEqual({ ok: true, value: '12' })
    expect(validatePlaceholderValue(number('**'), ' 3 ')).toEqual({ ok: true, value: '3' })
    expect(validatePlaceholderValue(number('***'), '１２０')).toEqual({ ok: true, value: '120' })
    expect(validatePlaceholderValue(number('**', '名'), '1,200')).toEqual({ ok: true, value: '1200' })
  })

  it('refuses anything but a whole number where the unit counts things or is part of a date', () => {
    for (const raw of ['12.5', '十二', 'abc', '-3', '3个']) {
      const result = validatePlaceholderValue(number('**'), raw)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message).toMatch(/整数/)
    }
  })

  it('takes the unit typed after the number, as the text after the placeholder has it', () => {
    expect(validatePlaceholderValue(number('*'), '12次')).toEqual({ ok: true, value: '12' })
    expect(validatePlaceholderValue(number('**', '万元'), '12.5万元')).toEqual({ ok: true, value: '12.5' })
    expect(validatePlaceholderValue(number('**', '%'), '85％')).toEqual({ ok: true, value: '85' })
  })

  it('takes a decimal for an amount or a percentage whatever the stars', () => {
    expect(validatePlaceholderValue(number('**', '万元'), '12.5')).toEqual({ ok: true, value: '12.5' })
    expect(validatePlaceholderValue(number('**', '%'), '85.5')).toEqual({ ok: true, value: '85.5' })
    expect(validatePlaceholderValue(number('**', '万元'), '十二')).toMatchObject({ ok: false, message: expect.stringMatching(/数字/) })
  })

  it('wants a month from 1 to 12 and a day from 1 to 31', () => {
    expect(validatePlaceholderValue(number('*', '月'), '12')).toEqual({ ok: true, value: '12' })
    expect(validatePlaceholderValue(number('*', '日'), '31')).toEqual({ ok: true, value: '31' })
    for (const [unit, raw, message] of [['月', '13', '月份应在1到12之间。'], ['月', '0', '月份应在1到12之间。'], ['日', '45', '日期应在1到31之间。'], ['月', '6.5', '请填写整数（只能包含数字）。']]) {
      expect(validatePlaceholderValue(number('*', unit), raw)).toEqual({ ok: false, message })
    }
  })

  it('wants a decimal for *.* and **.* patterns', () => {
    expect(validatePlaceholderValue(number('*.*', '亿元'), '3.5')).toEqual({ ok: true, value: '3.5' })
    expect(validatePlaceholderValue(number('**.*', '亿元'), '12。5')).toEqual({ ok: true, value: '12.5' })
    expect(validatePlaceholderValue(number('*.*', '亿元'), '4')).toEqual({ ok: true, value: '4' })
    expect(validatePlaceholderValue(number('*.*', '亿元'), '3.5.1').ok).toBe(false)
    expect(validatePlaceholderValue(number('*.*', '亿元'), '约三')).toMatchObject({ ok: false, message: expect.stringMatching(/小数/) })
  })

  it('wants a percentage from 0 to 100 when the unit is %', () => {
    expect(validatePlaceholderValue(number('**', '%'), '85')).toEqual({ ok: true, value: '85' })
    expect(validatePlaceholderValue(number('**', '%'), '85%')).toEqual({ ok: true, value: '85' })
    expect(validatePlaceholderValue(number('**.*', '%'), '99.5')).toEqual({ ok: true, value: '99.5' })
    expect(validatePlaceholderValue(number('**', '%'), '120')).toMatchObject({ ok: false, message: expect.stringMatching(/0到100/) })
    expect(validatePlaceholderValue(number('*', '‰'), '5‰')).toEqual({ ok: true, value: '5' })
    expect(validatePlaceholderValue(number('*', '‰'), '1200').ok).toBe(false)
  })

  it('refuses a number of more than 15 digits in all, which a JS number would no longer hold exactly', () => {
    expect(validatePlaceholderValue(number('*'), '999999999999999')).toEqual({ ok: true, value: '999999999999999' })
    expect(validatePlaceholderValue(number('**', '万元'), '1234567890123.45')).toEqual({ ok: true, value: '1234567890123.45' })
    const tooLong = { ok: false, message: '数字过长，最多15位。' }
    expect(validatePlaceholderValue(number('*'), '99999999999999999999')).toEqual(tooLong)
    expect(validatePlaceholderValue(number('*'), '1,000,000,000,000,000')).toEqual(tooLong)
    expect(validatePlaceholderValue(number('**.*', '亿元'), '12345678901234.56')).toEqual(tooLong)
  })

  it('accepts non-empty text up to 50 characters for text placeholders', () => {
    const text = { kind: 'text' as const, pattern: '**', unit: '' }
    expect(validatePlaceholderValue(text, ' 清河 ')).toEqual({ ok: true, value: '清河' })
    expect(validatePlaceholderValue(text, '字'.repeat(50)).ok).toBe(true)
    expect(validatePlaceholderValue(text, '字'.repeat(51))).toMatchObject({ ok: false, message: expect.stringMatching(/过长/) })
  })

  it('refuses stars in any value, half- or full-width, as they would print as a blank still to fill', () => {
    const text = { kind: 'text' as const, pattern: '**', unit: '' }
    const refused = { ok: false, message: '不能包含 *，请填写实际内容。' }
    for (const raw of ['**县', '＊＊县', '清*河', '*']) expect(validatePlaceholderValue(text, raw)).toEqual(refused)
    expect(validatePlaceholderValue(number('**'), '1*')).toEqual(refused)
    expect(validatePlaceholderValue(number('**', '万元'), '＊')).toEqual(refused)
  })

  it('refuses an empty value', () => {
    expect(validatePlaceholderValue(number('**'), '  ')).toEqual({ ok: false, message: '请填写内容。' })
    expect(validatePlaceholderValue({ kind: 'text', pattern: '**', unit: '' }, '').ok).toBe(false)
  })
})
