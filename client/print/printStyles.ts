import {
  BODY_CHAR_SPACING_TWIPS, CHAR_PITCH_TWIPS, FIRST_LINE_INDENT_TWIPS, FONTS, FONT_SIZE_PT, HEADING_STYLES, LETTERHEAD, LINE_PITCH_TWIPS,
  MARGIN_MM, PAGE, PAGE_NUMBER, TABLE, TEXT_AREA_MM,
} from '../../shared/layout/gbt9704'
import { PAGE_STEP_MM, ROW_GAP_MM } from './screenPages'

const pt = (twips: number): string => `${twips / 20}pt`
const LINE = pt(LINE_PITCH_TWIPS)
const dash = PAGE_NUMBER.dash

/**
 * The print view's CSS, built from the same figures as the .docx export (shared/layout/gbt9704.ts).
 * Page numbers use @page margin boxes (Chromium ≥ 131): `— n —`, odd pages right, even left,
 * each one character in from the text area's edge and 7 mm below it (§7.5).
 */
export function printCss(): string {
  const headingRules = ([1, 2, 3, 4] as const).map((level) => {
    const style = HEADING_STYLES[level]
    return `.gw-h${level} { font-family: ${style.font.css}; font-weight: ${style.bold ? 'bold' : 'normal'}; }`
  }).join('\n')
  const pageNumberBox = (side: 'left' | 'right') => `
  @bottom-${side} {
    content: "${dash} " counter(page) " ${dash}";
    font-family: ${FONTS.pageNumber.css};
    font-size: ${PAGE_NUMBER.sizePt}pt;
    line-height: 1;
    vertical-align: top;
    text-align: ${side};
    padding-top: ${PAGE_NUMBER.belowTextAreaMm}mm;
    padding-${side}: ${PAGE_NUMBER.outerIndentTwips / 20}pt;
  }`
  return `
@page { size: A4; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm; }
@page :right {${pageNumberBox('right')}
}
@page :left {${pageNumberBox('left')}
}
.gw-document {
  font-family: ${FONTS.body.css};
  font-size: ${FONT_SIZE_PT.san}pt;
  line-height: ${LINE};
  letter-spacing: ${pt(BODY_CHAR_SPACING_TWIPS)};
  color: #000;
  background: #fff;
  width: ${TEXT_AREA_MM.width}mm;
  margin: 0 auto;
  font-kerning: none;
  /* Every full-width mark in a whole character cell (GB/T 9704's grid, as the .docx): Chromium's
     default sets a mark half wide beside another (。】, ）。). */
  text-spacing-trim: space-all;
  text-autospace: no-autospace;
}
.gw-title {
  font-family: ${FONTS.title.css};
  font-size: ${FONT_SIZE_PT.er}pt;
  font-weight: normal;
  letter-spacing: 0;
  line-height: ${LINE};
  text-align: center;
  margin: 0 0 ${LINE} 0;
}
.gw-p { margin: 0; text-indent: ${pt(FIRST_LINE_INDENT_TWIPS)}; text-align: justify; orphans: 1; widows: 1; }
.gw-h-own { break-after: avoid; }
.gw-addressee { text-indent: 0; }
.gw-closing { text-indent: 0; text-align: right; }
.gw-space-before { margin-top: ${LINE}; }
.gw-table { width: 100%; border-collapse: collapse; table-layout: fixed; font-family: ${FONTS.body.css}; letter-spacing: 0; font-size: ${TABLE.fontSizePt}pt; line-height: ${pt(TABLE.lineTwips)}; margin: 0; }
.gw-table td { border: ${TABLE.ruleEighths / 8}pt solid #000; padding: 0 ${pt(TABLE.cellMarginTwips)}; vertical-align: top; }
/* An empty cell keeps its line, as in the .docx. */
.gw-table p { margin: 0; text-indent: 0; text-align: inherit; min-height: ${pt(TABLE.lineTwips)}; }
.gw-mark { margin: 0; line-height: ${LINE}; text-indent: 0; text-align: left; }
.gw-mark-urgency { font-family: ${FONTS.heading1.css}; }
.gw-issuer { font-family: ${FONTS.title.css}; color: #${LETTERHEAD.red}; text-align: center; line-height: 1.2; margin: ${LETTERHEAD.issuerTopMm}mm 0 0; }
.gw-serial { margin: ${pt(LETTERHEAD.blankLines * LINE_PITCH_TWIPS)} 0 0; line-height: ${LINE}; text-align: center; padding-bottom: ${LETTERHEAD.ruleBelowSerialMm}mm; border-bottom: ${LETTERHEAD.ruleWeightPt}pt solid #${LETTERHEAD.red}; }
.gw-serial-upward { display: flex; justify-content: space-between; padding-left: ${pt(CHAR_PITCH_TWIPS)}; padding-right: ${pt(CHAR_PITCH_TWIPS)}; }
.gw-signer-names { font-family: ${HEADING_STYLES[2].font.css}; }
.gw-letterhead + .gw-title { margin-top: ${pt(LETTERHEAD.blankLines * LINE_PITCH_TWIPS)}; }
${headingRules}
.gw-run-in-body { font-family: ${FONTS.body.css}; font-weight: normal; }
.gw-unfilled { background: #ffff00; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.gw-record { break-before: page; }
.gw-record-heading { font-family: ${FONTS.heading1.css}; text-align: center; margin: 0 0 ${LINE} 0; font-weight: normal; }
.gw-hash { font-size: ${FONT_SIZE_PT.si}pt; word-break: break-all; letter-spacing: 0; }
.gw-letterhead-controls { display: inline-flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 13px; }
.gw-letterhead-controls > span, .gw-letterhead-controls > label { white-space: nowrap; }
.gw-letterhead-controls input:not([type="checkbox"]) { width: 11em; padding: 2px 4px; }
.gw-letterhead-controls input.gw-issuer-input { width: 16em; }
.gw-letterhead-caption { color: #475467; }
.gw-toolbar { max-width: ${PAGE.widthMm}mm; margin: 16px auto; display: flex; flex-wrap: wrap; gap: 12px; align-items: center; font-family: sans-serif; }
@media screen {
  .gw-sheet { width: ${PAGE.widthMm}mm; min-height: ${PAGE.heightMm}mm; box-sizing: border-box; margin: 0 auto 24px;
    padding: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm; background: #fff;
    box-shadow: 0 1px 6px rgba(0,0,0,.25); }
  .gw-screen { background: #e8e8e8; padding: 1px 0; min-height: 100vh; }
  /* Paged (screenPages.ts): one text area per column row, the sheets drawn behind them. */
  .gw-sheet.gw-paged { min-height: 0; box-shadow: none; position: relative;
    background: repeating-linear-gradient(to bottom, #fff 0, #fff ${PAGE.heightMm}mm, transparent ${PAGE.heightMm}mm, transparent ${PAGE_STEP_MM}mm); }
  .gw-paged .gw-document { background: none; column-width: ${TEXT_AREA_MM.width}mm; column-height: ${TEXT_AREA_MM.height}mm; column-wrap: wrap; column-fill: auto;
    column-gap: 0; row-gap: ${ROW_GAP_MM}mm; }
  .gw-paged .gw-record { break-before: column; }
  .gw-screen-page-number { position: absolute; font-family: ${FONTS.pageNumber.css}; font-size: ${PAGE_NUMBER.sizePt}pt; line-height: 1; letter-spacing: 0; }
}
@media print {
  html, body { background: #fff !important; }
  .gw-no-print { display: none !important; }
  .gw-screen, .gw-sheet { background: none; padding: 0; margin: 0; box-shadow: none; width: auto; min-height: 0; }
}
`
}
