import type { BlockJSON, DocJSON, InlineJSON, TableJSON } from '../docJson'
import { bodyStart, splitRunIn, titleContent, walkSections } from '../sections'
import { tableCells } from '../tables'
import { RECORD_HEADING, signoffRecordLines, type RecordMeta } from '../layout/signoffRecord'

/** Characters Markdown would read as syntax. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`)
}

/** Inline content as Markdown: an open placeholder stays visible as its escaped pattern (`\*\*`). */
function inlineMarkdown(content: readonly InlineJSON[] | undefined): string {
  let out = ''
  for (const node of content ?? []) {
    if (node.type === 'text') out += escapeMarkdown(node.text)
    else if (node.type === 'placeholder') out += escapeMarkdown(node.attrs.value || node.attrs.pattern)
  }
  return out
}

/** A table as a GFM pipe table: its first row stands as the header row, which GFM requires. */
function tableMarkdown(table: TableJSON): string {
  const rows = tableCells(table).map((row) => row.map((cell) => cell.map((p) => inlineMarkdown(p.content)).join(' ')))
  const width = Math.max(1, ...rows.map((row) => row.length))
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`
  return [line(rows[0] ?? []), line(Array(width).fill('---')), ...rows.slice(1).map(line)].join('\n')
}

/**
 * Document → Markdown: `# title`, section headings as `##` (level 1) … `#####` (level 4)
 * with their computed numbers, a run-in heading as one paragraph whose heading sentence is bold.
 * A locked or signed document (`record`) ends with its 定稿与签发记录 below a rule, its hashes as code.
 */
export function exportMarkdown(doc: DocJSON, record?: RecordMeta): string {
  const sections = new Map(walkSections(doc).map((s) => [s.blockIndex, s]))
  const start = bodyStart(doc)
  const out = [`# ${inlineMarkdown(titleContent(doc))}`]
  ;(doc.content.slice(start) as BlockJSON[]).forEach((block, i) => {
    if (block.type === 'table') { out.push(tableMarkdown(block)); return }
    const section = sections.get(i + start)
    if (!section) { out.push(inlineMarkdown(block.content)); return }
    if (section.runIn) {
      const { heading, body } = splitRunIn(block.content, section.level)
      // CommonMark does not close `**` between punctuation and a CJK letter (`。**组`), so the
      // heading's closing punctuation goes after the bold: **（二）深入开展…思想引领**。组织…
      const headingMd = escapeMarkdown(section.number) + inlineMarkdown(heading)
      const tail = /[\p{P}\s]*$/u.exec(headingMd)?.[0] ?? ''
      const bold = headingMd.slice(0, headingMd.length - tail.length)
      out.push(`**${bold}**${tail}${inlineMarkdown(body)}`)
    } else {
      out.push(`${'#'.repeat(section.level + 1)} ${escapeMarkdown(section.number)}${inlineMarkdown(block.content)}`)
    }
  })
  const recordLines = signoffRecordLines(record)
  if (recordLines.length) {
    out.push('---', `## ${RECORD_HEADING}`, ...recordLines.map(({ text, kind }) => (kind === 'hash' ? `\`${text}\`` : escapeMarkdown(text))))
  }
  return out.join('\n\n') + '\n'
}
