import { describe, expect, it } from 'vitest'
import { AlignmentType, Document, FootnoteReferenceRun, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import { importDocx } from '../../shared/import/importDocx'
import { exportDocx } from '../../server/export/docx'
import { wordListLabels } from '../../shared/import/wordListLabels'
import { wordTableGrids } from '../../shared/import/wordTableGrids'
import { importText } from '../../shared/import/importText'
import { exportText } from '../../shared/export/text'
import { buildOutline } from '../../shared/outline'
import { tableCellTexts } from '../../shared/sections'
import type { TableJSON } from '../../shared/docJson'
import { tableColumnShares } from '../../shared/tables'
import { sampleText } from './sampleDraft'

/** A Word file with one paragraph per line of `text`, as drafters save them. */
async function wordFile(text: string): Promise<Buffer> {
  const paragraphs = text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }))
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }))
}

describe('importing a Word draft', () => {
  it('recognises the same structure as the text importer', async () => {
    const text = sampleText()
    const { doc, report } = await importDocx(await wordFile(text))
    const fromText = importText(text)
    expect(report.recognised).toEqual(fromText.report.recognised)
    // Line numbers count the Word paragraphs, which are the sample's lines.
    expect(report.corrections.map((c) => [c.line, c.from, c.to])).toEqual(fromText.report.corrections.map((c) => [c.line, c.from, c.to]))
    expect(exportText(doc)).toBe(exportText(fromText.doc))
  })

  it('accepts an ArrayBuffer as well as a Buffer', async () => {
    const buffer = await wordFile('通知\n一、事项\n开展检查*次。')
    const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer
    const { report } = await importDocx(arrayBuffer)
    expect(report.recognised).toMatchObject({ title: '通知', sections: { 1: 1 }, placeholders: { number: 1, text: 0 } })
  })

  it('reads the column widths of the tables at the top level only, as they are and not as a tracked change had them', () => {
    const grid = (...widths: number[]) => `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`
    const xml = `<w:body><w:tbl><w:tblPr/>${grid(3000, 5844)}<w:tr><w:tc><w:tbl>${grid(100, 200, 300)}</w:tbl></w:tc></w:tr></w:tbl>`
      + `<w:p/><w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="6844"/><w:tblGridChange w:id="1">${grid(4422, 4422)}</w:tblGridChange></w:tblGrid></w:tbl></w:body>`
    expect(wordTableGrids(xml)).toEqual([[3000, 5844], [2000, 6844]])
  })

  it('leaves out the 定稿与签发记录 page of a signed document Hegao exported, and says so', async () => {
    const { doc } = importText(sampleText())
    const hash = 'a'.repeat(64)
    const signoffs = [{ username: 'leader', displayName: '王局长', at: '2026-11-24T10:30:00.000Z', hash, opinion: '同意。' }]
    const { doc: again, report } = await importDocx(await exportDocx(doc, { hash, status: 'signed', signoffs }))
    expect(exportText(again)).not.toContain('定稿与签发记录')
    expect(buildOutline(again).sections.map((s) => s.number)).toEqual(buildOutline(doc).sections.map((s) => s.number))
    expect(report.warnings).toContain('原文末尾的“定稿与签发记录”页（合稿导出时附上）未导入：新文档重新审核、签发。')
  })

  it('imports a table as a table, its star runs placeholders, and says that a picture was left out', async () => {
    // A 1×1 PNG, as a picture pasted into the draft.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')
    const cell = (...paragraphs: string[]) => new TableCell({ children: paragraphs.map((text) => new Paragraph(text)) })
    const file = await Packer.toBuffer(new Document({
      sections: [{
        children: [
          new Paragraph('县统计局2022年工作总结'),
          new Paragraph('一、主要指标'),
          new Paragraph('全县主要指标如下：'),
          new Table({
            columnWidths: [4200, 1800, 2844],
            rows: [
              new TableRow({ children: [cell('指标'), new TableCell({ columnSpan: 2, children: [new Paragraph('数值')] })] }),
              new TableRow({ children: [cell('地区生产总值'), cell('**亿元'), cell('增长*.*%', '（初步核算）')] }),
            ],
          }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } })] }),
          new Paragraph('二、下一步打算'),
          new Paragraph('继续做好统计工作。'),
        ],
      }],
    }))
    const { doc, report } = await importDocx(file)
    expect(report.warnings).toEqual(['原文含 1 处图片或图形，未导入。'])
    expect(report.recognised).toMatchObject({ tables: 1, sections: { 1: 2 }, placeholders: { number: 2, text: 0 } })
    expect(report.summary).toContain('表格1个')
    const table = doc.content.find((block) => block.type === 'table') as TableJSON
    expect(tableCellTexts(table, 'pattern')).toEqual([['指标', '数值'], ['地区生产总值', '**亿元', '增长*.*% （初步核算）']])
    expect(table.content![0].content![1].attrs).toMatchObject({ colspan: 2 })
    // Its columns as wide as Word's grid has them (twips as pixels, 15 to one), the merged cell one width a column.
    expect(table.content!.map((row) => row.content!.map((c) => c.attrs?.colwidth))).toEqual([[[280], [120, 190]], [[280], [120], [190]]])
    expect(tableColumnShares(table)).toEqual([4200, 1800, 2844].map((twips) => expect.closeTo(twips / 8844, 2)))
    // It stands in the first section, after the paragraph that introduces it, and the outline counts its placeholders.
    expect(doc.content.map((block) => block.type)).toEqual(['title', 'sectionHeading', 'paragraph', 'table', 'sectionHeading', 'paragraph'])
    expect(buildOutline(doc).sections[0]).toMatchObject({ placeholders: 2, unfilled: 2 })
    expect(exportText(doc)).toContain('地区生产总值\t**亿元\t增长*.*% （初步核算）')
    expect((await importDocx(await wordFile('通知\n一、事项\n正文。'))).report.warnings).toEqual([])
  })

  it('reads headings that Word numbers itself (一、（一）1. of a multilevel list) as headings', async () => {
    const level = (l: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ level: l, format, text, alignment: AlignmentType.LEFT })
    const numbered = (text: string, l: number) => new Paragraph({ text, numbering: { reference: 'gw', level: l } })
    const file = await Packer.toBuffer(new Document({
      // A footnote, which mammoth writes as a list item too: it must not take a number.
      footnotes: { 1: { children: [new Paragraph('数据来源：县统计局。')] } },
      numbering: { config: [{ reference: 'gw', levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、'), level(1, LevelFormat.CHINESE_COUNTING, '（%2）'), level(2, LevelFormat.DECIMAL, '%3.')] }] },
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('县统计局2023年工作总结'), new FootnoteReferenceRun(1)] }),
          numbered('工作开展情况', 0),
          numbered('加强党的建设。全年开展学习**次。', 1),
          numbered('开展集中学习', 2),
          numbered('推进统计改革', 1),
          numbered('存在的问题', 0),
          numbered('基层基础薄弱', 1),
        ],
      }],
    }))
    const { doc, report } = await importDocx(file)
    expect(report.warnings).toEqual([])
    expect(report.recognised).toMatchObject({ sections: { 1: 2, 2: 3, 3: 1 }, runInHeadings: 1, placeholders: { number: 1 } })
    // The numbers Word showed are the computed ones now, and a deeper level starts again under the next item.
    expect(exportText(doc).trimEnd().split('\n').at(-1)).toBe('数据来源：县统计局。')
    expect(exportText(doc).split('\n').slice(2, 8)).toEqual(['一、工作开展情况', '（一）加强党的建设。全年开展学习**次。', '1.开展集中学习', '（二）推进统计改革', '二、存在的问题', '（一）基层基础薄弱'])
  })

  it('takes a paragraph style\'s list numbering (标题 1 tied to a list) and a start value from numbering.xml', () => {
    const numbering = `<w:numbering><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num></w:numbering>`
    const styles = `<w:styles><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style></w:styles>`
    const body = `<w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>甲</w:t></w:r></w:p><w:p><w:r><w:t>正文</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="MyHeading"/></w:pPr></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr></w:p></w:body>`
    expect(wordListLabels(body, numbering, styles)).toEqual(['三、', '四、', ''])
    expect(wordListLabels(body, undefined, styles)).toEqual([])
    // "Link level to style": the list's level names the style, and the style says nothing of the list.
    const linked = `<w:numbering><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="1"/></w:num></w:numbering>`
    const headings = ['Heading1', 'Heading2', 'Heading2', 'Heading1'].map((style) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr></w:p>`).join('')
    expect(wordListLabels(headings, linked, '<w:styles/>')).toEqual(['一、', '（一）', '（二）', '二、'])
  })
})
