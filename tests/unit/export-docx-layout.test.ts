import { describe, expect, it } from 'vitest'
import {
  BODY_CHAR_SPACING_TWIPS, CHAR_PITCH_TWIPS, CHARS_PER_LINE, FIRST_LINE_INDENT_TWIPS, FONT_SIZE_PT, LINE_PITCH_TWIPS,
  LINES_PER_PAGE, MARGIN_TWIPS, PAGE, PAGE_NUMBER, TEXT_AREA_MM, mmToTwips, pageNumberText,
} from '../../shared/layout/gbt9704'

describe('the GB/T 9704-2012 layout figures', () => {
  it('leaves a 156 mm × 225 mm text area on A4', () => {
    expect(TEXT_AREA_MM).toEqual({ width: 156, height: 225 })
    expect(PAGE.widthTwips - MARGIN_TWIPS.left - MARGIN_TWIPS.right).toBe(mmToTwips(156) + 1) // 11906 is A4 rounded up by Word
    expect(MARGIN_TWIPS).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 })
  })

  it('fits exactly 22 lines in the text area height, no more', () => {
    const height = mmToTwips(TEXT_AREA_MM.height)
    expect(LINE_PITCH_TWIPS).toBe(579)
    expect(LINES_PER_PAGE * LINE_PITCH_TWIPS).toBeLessThanOrEqual(height)
    expect((LINES_PER_PAGE + 1) * LINE_PITCH_TWIPS).toBeGreaterThan(height)
  })

  it('fits exactly 28 三号 characters in the text area width once the character spacing is applied', () => {
    const width = mmToTwips(TEXT_AREA_MM.width)
    const pitch = FONT_SIZE_PT.san * 20 + BODY_CHAR_SPACING_TWIPS
    expect(pitch).toBe(CHAR_PITCH_TWIPS)
    expect(BODY_CHAR_SPACING_TWIPS).toBe(-5)
    expect(CHARS_PER_LINE * pitch).toBeLessThanOrEqual(width)
    expect((CHARS_PER_LINE + 1) * pitch).toBeGreaterThan(width)
    expect(FIRST_LINE_INDENT_TWIPS).toBe(2 * pitch)
  })

  it('writes page numbers as — n — in 4号 one character in from the edge', () => {
    expect(pageNumberText(12)).toBe('— 12 —')
    expect(PAGE_NUMBER.sizePt).toBe(14)
    expect(PAGE_NUMBER.outerIndentTwips).toBe(280)
    // The footer line sits 7 mm below the text area: bottom margin − footer distance − one 14 pt line ≈ 7 mm.
    const gapMm = (MARGIN_TWIPS.bottom - PAGE_NUMBER.footerDistanceTwips - PAGE_NUMBER.sizePt * 20) / mmToTwips(1)
    expect(gapMm).toBeCloseTo(7, 0)
  })
})
