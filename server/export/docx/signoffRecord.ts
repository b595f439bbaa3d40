import { AlignmentType, LineRuleType, Paragraph } from 'docx'
import { FONTS, FONT_SIZE_PT, LINE_PITCH_TWIPS } from '../../../shared/layout/gbt9704'
import { BODY_PARAGRAPH } from './paragraphs'
import type { Letterhead } from '../../../shared/api/letterhead'
import { sanHaoLook, textRun, type RunLook } from './runs'

export interface SignoffEntry { username: string; displayName: string; at: string; hash: string; opinion?: string }
export interface ExportMeta { hash?: string; status?: string; signoffs?: SignoffEntry[]; letterhead?: Letterhead }

const STATUS_NAMES: Record<string, string> = { draft: '草稿', review: '审核中', locked: '已定稿（锁定）', signed: '已签发' }

/** Hashes are long unbroken hex: set them smaller (四号) so a 64-digit hash takes two lines, not four. */
const HASH_LOOK: RunLook = { font: FONTS.body, sizePt: FONT_SIZE_PT.si }

/** China keeps UTC+8 all year (no summer time): the offices' own clock, whatever the server's zone. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000

/** `2026-11-24T10:40:00.000Z` → `2026-11-24 18:40（北京时间）`. */
function formatTime(at: string): string {
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) return at
  return `${new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`
}

/**
 * The last page of a locked or signed document: the content hash of exactly this version and
 * who signed it off, so a printed copy can be matched against the server's audit log.
 * Empty for a document that is neither locked nor signed and has no hash.
 */
export function signoffRecordParagraphs(meta: ExportMeta | undefined): Paragraph[] {
  if (!meta || (!meta.hash && !meta.signoffs?.length && meta.status !== 'locked' && meta.status !== 'signed')) return []
  const body = sanHaoLook(FONTS.body)
  const heading = sanHaoLook(FONTS.heading1)
  const line = (...runs: ReturnType<typeof textRun>[]) => new Paragraph({ ...BODY_PARAGRAPH, children: runs })
  const out: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      pageBreakBefore: true,
      indent: { firstLine: 0 },
      spacing: { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH_TWIPS },
      children: [textRun('定稿与签发记录', heading)],
    }),
  ]
  if (meta.status) out.push(line(textRun('文档状态：', body), textRun(STATUS_NAMES[meta.status] ?? meta.status, body)))
  if (meta.hash) out.push(line(textRun('定稿内容校验值（SHA-256）：', body)), line(textRun(meta.hash, HASH_LOOK)))
  const signoffs = meta.signoffs ?? []
  out.push(line(textRun(signoffs.length ? '签发记录：' : '签发记录：尚无人签发。', body)))
  signoffs.forEach((s, i) => {
    out.push(line(textRun(`${i + 1}. ${s.displayName}（${s.username}）于 ${formatTime(s.at)} 签发，所签内容校验值：`, body)))
    out.push(line(textRun(s.hash, HASH_LOOK)))
    if (s.opinion) out.push(line(textRun(`签发意见：${s.opinion}`, body)))
  })
  return out
}
