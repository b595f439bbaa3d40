import mammoth from 'mammoth'
import JSZip from 'jszip'
import type { DocJSON, ParagraphJSON, TableJSON } from '../docJson'
import { importText, type ImportReport } from './importText'
import { importSummary } from './importReport'
import { inlineWithPlaceholders } from '../placeholders'
import { docxBlocks, type DocxBlock, type ImportedTable } from './docxBlocks'
import { wordListLabels } from './wordListLabels'
import { wordTableGrids } from './wordTableGrids'
import { tableCellColumns, tableCellSpan, tableColumnCount } from '../tables'
import { signoffRecordStart } from '../layout/signoffRecord'

/** What mammoth does not give: the labels of Word's numbered paragraphs, the tables' column widths, and how many pictures (or charts, shapes) the body holds. */
async function fromWordXml(buffer: Buffer): Promise<{ listLabels: string[]; grids: number[][]; pictures: number }> {
  const zip = await JSZip.loadAsync(buffer)
  const read = (name: string) => zip.file(name)?.async('string')
  const [body, numbering, styles] = await Promise.all([read('word/document.xml'), read('word/numbering.xml'), read('word/styles.xml')])
  if (!body) return { listLabels: [], grids: [], pictures: 0 }
  // <w:drawing> is a picture or chart of today's Word, <w:pict> one of older files (and WPS).
  const pictures = (body.match(/<w:drawing[\s>]/g)?.length ?? 0) + (body.match(/<w:pict[\s>]/g)?.length ?? 0)
  return { listLabels: wordListLabels(body, numbering, styles), grids: wordTableGrids(body), pictures }
}

/** Stands in the text for the table of that number while the text importer reads the rest. */
const TABLE_LINE = /^\u0000表格(\d+)$/

/**
 * The blocks before the 定稿与签发记录 page Hegao's own export ends a locked or signed document
 * with (server/export/docx/signoffRecord.ts).
 */
function withoutSignoffRecord(blocks: DocxBlock[]): { blocks: DocxBlock[]; record: boolean } {
  const at = signoffRecordStart(blocks.map((block) => ('line' in block ? block.line.trim() : null)))
  return at < 0 ? { blocks, record: false } : { blocks: blocks.slice(0, at), record: true }
}

/** Word's twips as the pixels (at 96 dpi) a cell's `colwidth` holds; only their ratios count. */
const TWIPS_PER_PX = 15

function tableNode(table: ImportedTable, grid: number[] | undefined, report: ImportReport): TableJSON {
  const paragraph = (text: string): ParagraphJSON => {
    const content = inlineWithPlaceholders(text)
    for (const node of content) if (node.type === 'placeholder') report.recognised.placeholders[node.attrs.kind] += 1
    return content.length ? { type: 'paragraph', content } : { type: 'paragraph' }
  }
  const node: TableJSON = {
    type: 'table',
    content: table.rows.filter((row) => row.length).map((row) => ({
      type: 'tableRow',
      content: row.map((cell) => ({
        type: 'tableCell',
        attrs: { colspan: cell.colspan, rowspan: cell.rowspan },
        content: (cell.paragraphs.length ? cell.paragraphs : ['']).map(paragraph),
      })),
    })),
  }
  // The columns as wide as in Word, where its grid has a width for each of them.
  if (grid?.length === tableColumnCount(node) && grid.every((twips) => twips > 0)) {
    const columns = tableCellColumns(node)
    node.content!.forEach((row, r) => row.content!.forEach((cell, c) => {
      const start = columns[r][c]
      cell.attrs = { ...cell.attrs, colwidth: grid.slice(start, start + tableCellSpan(cell).colspan).map((twips) => Math.round(twips / TWIPS_PER_PX)) }
    }))
  }
  return node
}

/**
 * `.docx` draft → document: mammoth reads the Word file; its paragraphs go through the text
 * importer, one line each (a numbered one with the number Word shows, 一、（一）…), so both paths
 * recognise headings and placeholders the same way; its tables become tables, their cells' star
 * runs placeholders. Pictures have no place in the document: the report says how many were left
 * out. Node-only (mammoth reads a Buffer).
 */
export async function importDocx(data: Uint8Array | ArrayBuffer): Promise<{ doc: DocJSON; report: ImportReport }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const [{ value: html }, { listLabels, grids, pictures }] = await Promise.all([
    // Empty paragraphs kept: the report's line numbers count the Word paragraphs.
    mammoth.convertToHtml({ buffer }, { ignoreEmptyParagraphs: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) }),
    fromWordXml(buffer),
  ])
  // A footnote comes last, as a paragraph of its own; its link back to the text (↑) is no text.
  const body = html.replace(/\s?<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/g, '')
  // Each list item mammoth wrote is a numbered paragraph of the file; should the two ever not pair
  // up, the numbers are left out and the report says so, rather than put before the wrong lines.
  const numbered = docxBlocks(body, listLabels)
  const labelsFit = numbered.listItems === listLabels.length
  const tables: ImportedTable[] = []
  const { blocks, record } = withoutSignoffRecord((labelsFit ? numbered : docxBlocks(body)).blocks)
  const lines = blocks.map((block) => ('line' in block ? block.line : `\u0000表格${tables.push(block.table) - 1}`))
  const imported = importText(lines.join('\n'))
  const { doc, report } = imported
  doc.content = doc.content.map((block) => {
    const at = block.type === 'paragraph' && block.content?.length === 1 && block.content[0].type === 'text' ? TABLE_LINE.exec(block.content[0].text) : null
    if (!at) return block
    report.recognised.paragraphs -= 1
    // Word's grids pair with mammoth's tables only when there are as many of each.
    return tableNode(tables[Number(at[1])], grids.length === tables.length ? grids[Number(at[1])] : undefined, report)
  })
  if (tables.length) report.recognised.tables = tables.length
  if (!labelsFit && listLabels.some(Boolean)) report.warnings.push('原文的自动编号未能读出，编号标题可能被当作正文，请核对。')
  if (pictures) report.warnings.push(`原文含 ${pictures} 处图片或图形，未导入。`)
  if (record) report.warnings.push('原文末尾的“定稿与签发记录”页（合稿导出时附上）未导入：新文档重新审核、签发。')
  report.summary = importSummary(report)
  return imported
}
