import { AlignmentType, LineRuleType, Paragraph } from 'docx'
import { FONTS, FONT_SIZE_PT, LINE_PITCH_TWIPS } from '../../../shared/layout/gbt9704'
import { BODY_PARAGRAPH } from './paragraphs'
import type { Letterhead } from '../../../shared/api/letterhead'
import { RECORD_HEADING, signoffRecordLines, type RecordMeta } from '../../../shared/layout/signoffRecord'
import { sanHaoLook, textRun, type RunLook } from './runs'

export type { SignoffEntry } from '../../../shared/layout/signoffRecord'
export interface ExportMeta extends RecordMeta { letterhead?: Letterhead }

/** Hashes are long unbroken hex: set them smaller (四号) so a 64-digit hash takes two lines, not four. */
const HASH_LOOK: RunLook = { font: FONTS.body, sizePt: FONT_SIZE_PT.si }

/** The record's page (shared/layout/signoffRecord.ts), on a page of its own after the text. */
export function signoffRecordParagraphs(meta: ExportMeta | undefined): Paragraph[] {
  const lines = signoffRecordLines(meta)
  if (!lines.length) return []
  const body = sanHaoLook(FONTS.body)
  const heading = new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: true,
    indent: { firstLine: 0 },
    spacing: { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH_TWIPS },
    children: [textRun(RECORD_HEADING, sanHaoLook(FONTS.heading1))],
  })
  const paragraphs = lines.map(({ text, kind }) => new Paragraph({ ...BODY_PARAGRAPH, children: [textRun(text, kind === 'hash' ? HASH_LOOK : body)] }))
  return [heading, ...paragraphs]
}
