import { AlignmentType, BorderStyle, Paragraph, Tab, TabStopType, TextRun } from 'docx'
import { letterheadMarks, type Letterhead } from '../../../shared/api/letterhead'
import { CHAR_PITCH_TWIPS, FONTS, LETTERHEAD, LINE_PITCH_TWIPS, TEXT_AREA_MM, issuerSizePt, issuerSpaceBeforeTwips, mmToTwips } from '../../../shared/layout/gbt9704'
import { GRID_LINE } from './paragraphs'
import { runOptions, sanHaoLook, textRun } from './runs'

/**
 * The 版头 (§7.2): the 份号 and the 紧急程度 flush left on the first lines, if given; the
 * 发文机关标志 in red 35 mm below the top of the text area, two lines below it
 * the 发文字号 (centred; for a 上行文 one character in, with 签发人 one character in from the
 * right on the same line), and 4 mm below that a red line as wide as the text area.
 */
export function letterheadParagraphs(letterhead: Letterhead): Paragraph[] {
  const marks = letterheadMarks(letterhead).map(({ text, kind }) => new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: GRID_LINE,
    indent: { firstLine: 0 },
    children: [textRun(text, sanHaoLook(kind === 'urgency' ? FONTS.heading1 : FONTS.body))],
  }))
  const issuer = new Paragraph({
    alignment: AlignmentType.CENTER,
    // The text area's top is the page margin; the mark's top edge sits 35 mm below it.
    spacing: { before: issuerSpaceBeforeTwips(marks.length), after: 0 },
    indent: { firstLine: 0 },
    children: [new TextRun({ ...runOptions({ font: FONTS.title, sizePt: issuerSizePt(letterhead.issuer) }), text: letterhead.issuer, color: LETTERHEAD.red })],
  })
  const body = sanHaoLook(FONTS.body)
  const signers = letterhead.signers ?? []
  // 居左空一字 by a full-width space, not an indent: the red line below spans the whole text area.
  const serialRuns = letterhead.serial ? [textRun(signers.length ? `　${letterhead.serial}` : letterhead.serial, body)] : []
  const signerRuns = signers.length
    ? [new TextRun({ ...runOptions(body), children: [new Tab(), '签发人：'] }), textRun(signers.join('　'), sanHaoLook(FONTS.heading2))]
    : []
  const serial = new Paragraph({
    alignment: signers.length ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { ...GRID_LINE, before: LETTERHEAD.blankLines * LINE_PITCH_TWIPS },
    indent: { firstLine: 0 },
    tabStops: signers.length ? [{ type: TabStopType.RIGHT, position: mmToTwips(TEXT_AREA_MM.width) - CHAR_PITCH_TWIPS }] : undefined,
    border: {
      bottom: { style: BorderStyle.SINGLE, size: LETTERHEAD.ruleWeightPt * 8, color: LETTERHEAD.red, space: Math.round((LETTERHEAD.ruleBelowSerialMm / 25.4) * 72) },
    },
    children: [...serialRuns, ...signerRuns],
  })
  return [...marks, issuer, serial]
}
