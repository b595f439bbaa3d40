import { describe, expect, it } from 'vitest'
import { Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import { importDocx } from '../../shared/import/importDocx'
import { importText } from '../../shared/import/importText'
import { exportText } from '../../shared/export/text'
import { buildOutline } from '../../shared/outline'
import { tableCellTexts } from '../../shared/sections'
import type { TableJSON } from '../../shared/docJson'
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
    // It stands in the first section, after the paragraph that introduces it, and the outline counts its placeholders.
    expect(doc.content.map((block) => block.type)).toEqual(['title', 'sectionHeading', 'paragraph', 'table', 'sectionHeading', 'paragraph'])
    expect(buildOutline(doc).sections[0]).toMatchObject({ placeholders: 2, unfilled: 2 })
    expect(exportText(doc)).toContain('地区生产总值\t**亿元\t增长*.*% （初步核算）')
    expect((await importDocx(await wordFile('通知\n一、事项\n正文。'))).report.warnings).toEqual([])
  })
})
