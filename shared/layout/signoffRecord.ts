/**
 * The last page of a locked or signed document, as the .docx export and the print view set it
 * (and the end of its .txt and .md exports): the content hash of exactly this version and who
 * signed it off, so a printed copy can be matched against the server's audit log. One text for
 * all, so they cannot disagree.
 */

export interface SignoffEntry { username: string; displayName: string; at: string; hash: string; opinion?: string }
export interface RecordMeta { hash?: string; status?: string; signoffs?: SignoffEntry[] }

/** A line of the record: `hash` lines are long unbroken hex, set smaller. */
export interface RecordLine { text: string; kind: 'text' | 'hash' }

export const RECORD_HEADING = '定稿与签发记录'
/** The record's first line: with the heading above it, it tells the record from a body line that reads 定稿与签发记录. */
const STATUS_LABEL = '文档状态：'

const STATUS_NAMES: Record<string, string> = { draft: '草稿', review: '审核中', locked: '已定稿（锁定）', signed: '已签发' }

/** China keeps UTC+8 all year (no summer time): the offices' own clock, whatever the server's or the browser's zone. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000

/** `2026-11-24T10:40:00.000Z` → `2026-11-24 18:40（北京时间）`. */
export function beijingTime(at: string): string {
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) return at
  return `${new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`
}

/** The lines under the heading; none for a document that is neither locked nor signed and has no hash. */
export function signoffRecordLines(meta: RecordMeta | undefined): RecordLine[] {
  if (!meta || (!meta.hash && !meta.signoffs?.length && meta.status !== 'locked' && meta.status !== 'signed')) return []
  const text = (value: string): RecordLine => ({ text: value, kind: 'text' })
  const lines: RecordLine[] = []
  if (meta.status) lines.push(text(`${STATUS_LABEL}${STATUS_NAMES[meta.status] ?? meta.status}`))
  if (meta.hash) lines.push(text('定稿内容校验值（SHA-256）：'), { text: meta.hash, kind: 'hash' })
  const signoffs = meta.signoffs ?? []
  lines.push(text(signoffs.length ? '签发记录：' : '签发记录：尚无人签发。'))
  signoffs.forEach((s, i) => {
    lines.push(text(`${i + 1}. ${s.displayName}（${s.username}）于 ${beijingTime(s.at)} 签发，所签内容校验值：`), { text: s.hash, kind: 'hash' })
    if (s.opinion) lines.push(text(`签发意见：${s.opinion}`))
  })
  return lines
}

/**
 * Where the record Hegao's own export ends a file with begins among its lines (trimmed; null for
 * what is no line, a table): its heading, then the status line; -1 if there is none. Imported
 * again, it would become body text, its numbered sign-offs headings.
 */
export function signoffRecordStart(lines: readonly (string | null)[]): number {
  return lines.findIndex((line, i) => line === RECORD_HEADING && lines.slice(i + 1).find((next) => next !== '')?.startsWith(STATUS_LABEL))
}
