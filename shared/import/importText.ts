import type { DocJSON, InlineJSON, ParagraphJSON, PlaceholderJSON, SectionHeadingJSON } from '../docJson'
import { pooledId as newId } from './idPool'
import { numberLabel } from '../numbering'
import { inlineWithPlaceholders } from '../placeholders'
import { parseHeadingLine } from './headingLine'
import { importSummary, type ImportCorrection, type ImportReport } from './importReport'
import { ATTACHMENT_MORE, ATTACHMENT_START, recogniseParagraphKinds } from './paragraphKinds'
import { signoffRecordStart } from '../layout/signoffRecord'

export type { ImportReport, ImportCorrection } from './importReport'

/**
 * Plain-text draft → document. The first non-empty line is the title; every further
 * non-empty line becomes one block (so exporting as text gives the lines back). Lines
 * starting with a 公文 number become section headings with the number stripped (numbers
 * are computed); a written number that is not the expected one is reported as corrected.
 * Leading/trailing spaces of a line (the 2-character indent) are presentation, not kept.
 * The 主送机关, 附件说明, 署名, 成文日期 and 附注 get their paragraph kinds (see paragraphKinds.ts).
 */
export function importText(text: string): { doc: DocJSON; report: ImportReport } {
  const fileLines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  // The 定稿与签发记录 that Hegao's own .txt export ends a locked or signed document with is no draft text.
  const recordAt = signoffRecordStart(fileLines.map((line) => line.trim()))
  const lines = recordAt < 0 ? fileLines : fileLines.slice(0, recordAt)
  // A text draft has no tables: paragraphs and headings only.
  const blocks: (ParagraphJSON | SectionHeadingJSON)[] = []
  /** Each block's line, null for a heading: the 主送机关 and the closing are told from them. */
  const blockLines: (string | null)[] = []
  const corrections: ImportCorrection[] = []
  const warnings: string[] = []
  const sections = { 1: 0, 2: 0, 3: 0, 4: 0 }
  const counters = [0, 0, 0, 0, 0]
  const placeholders = { number: 0, text: 0 }
  let title: InlineJSON[] | null = null
  let titleText = ''
  let paragraphs = 0
  let runInHeadings = 0
  let deepest = 0
  let inAttachments = false

  const asText = (node: PlaceholderJSON): PlaceholderJSON => {
    if (node.attrs.kind === 'text') return node
    placeholders.number -= 1
    placeholders.text += 1
    return { ...node, attrs: { ...node.attrs, kind: 'text', unit: '' } }
  }
  const count = (content: InlineJSON[]) => {
    for (const node of content) if (node.type === 'placeholder') placeholders[node.attrs.kind] += 1
    return content
  }

  lines.forEach((raw, index) => {
    const line = raw.trim()
    if (!line) return
    const lineNo = index + 1
    if (title === null) {
      titleText = line
      if (parseHeadingLine(line)) warnings.push(`第${lineNo}行“${line.slice(0, 12)}”像章节标题，但第一行总是作为文档标题，请确认原稿是否缺少标题。`)
      title = count(inlineWithPlaceholders(line))
      return
    }
    // Under 附件：1.××× the numbered lines are further attachments, not level-3 headings.
    const previous = blockLines[blockLines.length - 1]
    inAttachments = previous !== null && previous !== undefined && (ATTACHMENT_START.test(previous) || (inAttachments && ATTACHMENT_MORE.test(line)))
    const heading = inAttachments && ATTACHMENT_MORE.test(line) ? null : parseHeadingLine(line)
    if (!heading) {
      paragraphs += 1
      blocks.push({ type: 'paragraph', content: count(inlineWithPlaceholders(line)) })
      blockLines.push(line)
      return
    }
    const { level } = heading
    const id = newId()
    if (level > deepest + 1) {
      warnings.push(`第${lineNo}行：${heading.written}是${['', '一', '二', '三', '四'][level]}级标题，但前面没有上一级标题。`)
    }
    deepest = level
    counters[level] += 1
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0
    if (heading.n !== counters[level]) {
      const to = numberLabel(level, counters[level])
      corrections.push({
        kind: 'numbering', line: lineNo, from: heading.written, to, sectionId: id, level,
        message: `第${lineNo}行：编号“${heading.written}”与前文不连续，已改为“${to}”。`,
      })
    }
    sections[level] += 1
    const sentenceEnd = heading.text.indexOf('。')
    const runIn = sentenceEnd >= 0 && heading.text.slice(sentenceEnd + 1).trim().length > 0
    if (runIn && level > 1) runInHeadings += 1
    if (runIn && level === 1) warnings.push(`第${lineNo}行：一级标题“${heading.written}”后含有多句文字，已整行作为标题。`)
    blocks.push({ type: 'sectionHeading', attrs: { id, level }, content: count(inlineWithPlaceholders(heading.text)) })
    blockLines.push(null)
  })

  const special: { addressee?: string; attachments?: string[]; signature?: string; date?: string; note?: string } = {}
  recogniseParagraphKinds(blockLines).forEach((kind, i) => {
    if (!kind) return
    let content = blocks[i].content ?? []
    // A star run in the 主送机关, an attachment or the 署名 stands for a name, whatever follows it.
    if (kind === 'addressee' || kind === 'attachment' || kind === 'signature') content = content.map((node) => (node.type === 'placeholder' ? asText(node) : node))
    blocks[i] = { type: 'paragraph', attrs: { kind }, content }
    if (kind === 'attachment') (special.attachments ??= []).push(blockLines[i]!)
    else special[kind] = blockLines[i]!
    paragraphs -= 1
  })

  if (title === null) warnings.push('文本为空，未找到标题。')
  if (recordAt >= 0) warnings.push('原文末尾的“定稿与签发记录”（合稿导出时附上）未导入：新文档重新审核、签发。')
  const doc: DocJSON = { type: 'doc', content: [{ type: 'title', content: title ?? [] }, ...blocks] }
  const partial = {
    recognised: { title: titleText, sections, paragraphs, runInHeadings, placeholders, ...special },
    corrections,
    warnings,
  }
  return { doc, report: { ...partial, summary: importSummary(partial) } }
}
