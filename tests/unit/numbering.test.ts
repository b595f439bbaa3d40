import { describe, expect, it } from 'vitest'
import { chineseNumeral, numberLabel, numberLabels, parseChineseNumeral } from '../../shared/numbering'

describe('公文 numbering', () => {
  it('writes counts as Chinese numerals', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 119].map(chineseNumeral)).toEqual(
      ['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '一百一十九'])
  })

  it('reads every numeral it writes back to the same number', () => {
    for (let n = 1; n < 200; n++) expect(parseChineseNumeral(chineseNumeral(n))).toBe(n)
  })

  it('rejects text that is not a numeral', () => {
    expect(parseChineseNumeral('一是')).toBeUndefined()
    expect(parseChineseNumeral('12')).toBeUndefined()
    expect(() => chineseNumeral(-1)).toThrow(RangeError)
  })

  it('labels the four levels as GB/T 9704 prescribes', () => {
    expect([numberLabel(1, 3), numberLabel(2, 3), numberLabel(3, 3), numberLabel(4, 3)]).toEqual(['三、', '（三）', '3.', '（3）'])
  })

  it('restarts the subsections of every new parent section', () => {
    expect(numberLabels([1, 2, 2, 3, 4, 4, 3, 1, 2, 3])).toEqual(
      ['一、', '（一）', '（二）', '1.', '（1）', '（2）', '2.', '二、', '（一）', '1.'])
  })
})
