/** What the importer recognised and what it changed, shown to the drafter after an import. */
export interface ImportCorrection {
  kind: 'numbering'
  /** Chinese, e.g. 第21行：编号“四、”不连续，已改为“三、”。 */
  message: string
  /** 1-based line in the source text. */
  line: number
  from: string
  to: string
  /** Extension: the heading's section id, so the check can point at it after edits. */
  sectionId?: string
  level?: number
}

export interface ImportReport {
  recognised: {
    title: string
    sections: { 1: number; 2: number; 3: number; 4: number }
    paragraphs: number
    runInHeadings: number
    placeholders: { number: number; text: number }
    /** Tables (from a .docx; absent when none). */
    tables?: number
    /** 主送机关, 发文机关署名, 成文日期: the lines recognised as such (not counted as body paragraphs). */
    addressee?: string
    attachments?: string[]
    signature?: string
    date?: string
    note?: string
  }
  corrections: ImportCorrection[]
  warnings: string[]
  /** One Chinese sentence for the drafter. */
  summary: string
}

export function importSummary(report: Omit<ImportReport, 'summary'>): string {
  const r = report.recognised
  const s = r.sections
  const headingParts = ([1, 2, 3, 4] as const).filter((l) => s[l] > 0).map((l) => `${['', '一', '二', '三', '四'][l]}级标题${s[l]}个`)
  const parts = [
    r.title ? `标题“${r.title}”` : '未找到标题',
    headingParts.length ? headingParts.join('、') : '未识别到章节标题',
    `正文段落${r.paragraphs}段`,
  ]
  if (r.addressee) parts.splice(1, 0, `主送机关“${r.addressee}”`)
  if (r.runInHeadings) parts.push(`其中${r.runInHeadings}个标题与正文同段`)
  if (r.tables) parts.push(`表格${r.tables}个`)
  if (r.attachments?.length) parts.push(`附件说明${r.attachments.length}行`)
  const closing = [r.signature, r.date, r.note].filter(Boolean).join(' ')
  if (closing) parts.push(`落款“${closing}”`)
  parts.push(`待填项${r.placeholders.number + r.placeholders.text}处（数字${r.placeholders.number}处、文字${r.placeholders.text}处）`)
  let summary = `已识别：${parts.join('，')}。`
  if (report.corrections.length) summary += `自动更正编号${report.corrections.length}处，请核对。`
  if (report.warnings.length) summary += `另有${report.warnings.length}条提示。`
  return summary
}
