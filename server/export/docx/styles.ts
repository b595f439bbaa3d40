import type { IStylesOptions } from 'docx'
import { FIRST_LINE_INDENT_TWIPS, FONTS, FONT_SIZE_PT, LATIN_FONT, LINE_PITCH_TWIPS } from '../../../shared/layout/gbt9704'

/**
 * Document defaults = the 正文 look, so text a user adds in Word or WPS after export is set
 * like the body (仿宋 三号, 22-line grid, 2-character indent) rather than in Calibri.
 * Character spacing stays on the runs only: a default would also tighten the footer's page number.
 */
export const documentStyles: IStylesOptions = {
  default: {
    document: {
      run: {
        font: { eastAsia: FONTS.body.eastAsia, ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, hint: 'eastAsia' },
        size: FONT_SIZE_PT.san * 2,
        language: { eastAsia: 'zh-CN', value: 'en-US' },
      },
      paragraph: {
        spacing: { line: LINE_PITCH_TWIPS, lineRule: 'exact', before: 0, after: 0 },
        indent: { firstLine: FIRST_LINE_INDENT_TWIPS },
      },
    },
  },
}
