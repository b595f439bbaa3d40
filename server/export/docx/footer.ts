import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx'
import { FONTS, PAGE_NUMBER } from '../../../shared/layout/gbt9704'

type Side = 'odd' | 'even'

/**
 * The page number `— 1 —` (§7.5): 4号 宋体 (digits too: "半角宋体阿拉伯数字"), odd pages at the
 * right and even pages at the left, each one character in from the edge of the text area.
 */
function pageNumberFooter(side: Side): Footer {
  const font = FONTS.pageNumber.eastAsia
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER.outerIndentTwips, firstLine: 0 } : { left: PAGE_NUMBER.outerIndentTwips, firstLine: 0 },
        spacing: { line: PAGE_NUMBER.sizePt * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({
            font: { eastAsia: font, ascii: font, hAnsi: font, cs: font, hint: 'eastAsia' },
            size: PAGE_NUMBER.sizePt * 2,
            children: [`${PAGE_NUMBER.dash} `, PageNumber.CURRENT, ` ${PAGE_NUMBER.dash}`],
          }),
        ],
      }),
    ],
  })
}

/** Footers for a section: `default` is used for odd pages once evenAndOddHeaderAndFooters is on. */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') }
}
