import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import type { DocJSON, TableJSON } from '../../shared/docJson'
import { hegaoSchema } from '../../shared/schema/index'
import { docJsonToYDoc, yDocToDocJson } from '../../shared/ydoc'
import { buildOutline } from '../../shared/outline'
import { preSubmissionCheck } from '../../shared/check/index'
import { compareDocuments } from '../../shared/compare'
import { exportText } from '../../shared/export/text'
import { exportMarkdown } from '../../shared/export/markdown'
import { copiedContent } from '../../server/copiedContent'
import { exportDocx } from '../../server/export/docx'
import { tableCellAlign, tableCells, tableColumnShares, tableHeadRows } from '../../shared/tables'
import { heading, paragraph, placeholder, text } from '../helpers/docBuilders'

const cell = (...content: unknown[]) => ({ type: 'tableCell', content: [paragraph(...content)] })
const table = (...rows: unknown[][]) => ({ type: 'table', content: rows.map((cells) => ({ type: 'tableRow', content: cells })) })

/** A report whose first section holds a table of figures, two of them still open. */
const doc = {
  type: 'doc',
  content: [
    { type: 'title', content: [text('县统计局2022年工作总结')] },
    heading('s1', 1, text('主要指标')),
    paragraph(text('全县主要指标如下：')),
    table([cell(text('指标')), cell(text('数值'))], [cell(text('地区生产总值')), cell(placeholder('p1', '', '**', '亿元'), text('亿元'))], [cell(text('增速')), cell(placeholder('p2', '6.5', '*.*', '%'), text('%'))]),
    heading('s2', 1, text('下一步打算')),
    paragraph(text('继续做好统计工作。')),
  ],
} as unknown as DocJSON

describe('a table in the body', () => {
  it('is part of the schema and survives the Yjs round trip', () => {
    expect(() => hegaoSchema.nodeFromJSON(doc)).not.toThrow()
    const back = yDocToDocJson(docJsonToYDoc(doc))
    expect(tableCells(back.content[3] as TableJSON).map((row) => row.length)).toEqual([2, 2, 2])
    // No headings inside a cell: the sections stay flat.
    const withHeading = structuredClone(doc) as any
    withHeading.content[3].content[0].content[0].content = [heading('x', 1, text('不行'))]
    expect(() => hegaoSchema.nodeFromJSON(withHeading).check()).toThrow()
  })

  it('counts its placeholders in its section and in the 字数, and the check lists the open one there', () => {
    const outline = buildOutline(doc)
    expect(outline.sections[0]).toMatchObject({ placeholders: 2, unfilled: 1 })
    expect([outline.placeholders, outline.unfilled]).toEqual([2, 1])
    expect(outline.characters).toBe('县统计局2022年工作总结一、主要指标全县主要指标如下：指标数值地区生产总值亿元增速6.5%二、下一步打算继续做好统计工作。'.length)
    const check = preSubmissionCheck(doc)
    expect(check.unfilled.map((u) => [u.id, u.sectionPath.join(''), u.context])).toEqual([['p1', '一、', '**亿元']])
  })

  it('reads row by row in the comparison, so a changed figure shows in its row', () => {
    const after = structuredClone(doc) as any
    after.content[3].content[1].content[1].content[0].content[0].attrs.value = '235'
    const s1 = compareDocuments(doc, after).find((s) => s.id === 's1')!
    expect(s1.change).toBe('changed')
    expect(s1.placeholders).toEqual([{ id: 'p1', before: '', after: '235' }])
    expect(s1.diff.map((d) => d.text).join('')).toContain('〔表格〕地区生产总值 ｜ ')
  })

  it('exports as a line a row in text and as a pipe table in Markdown', () => {
    expect(exportText(doc)).toContain('全县主要指标如下：\n指标\t数值\n地区生产总值\t**亿元\n增速\t6.5%\n二、下一步打算')
    expect(exportMarkdown(doc)).toContain('| 指标 | 数值 |\n| --- | --- |\n| 地区生产总值 | \\*\\*亿元 |\n| 增速 | 6.5% |')
  })

  it('is copied by 另存为 with fresh placeholder ids, opened again on request', () => {
    const copy = copiedContent(doc, { unfill: true })
    const cells = tableCells(copy.content[3] as TableJSON).flat(2).flatMap((p) => p.content ?? [])
    const placeholders = cells.filter((n) => n.type === 'placeholder')
    expect(placeholders).toHaveLength(2)
    expect(placeholders.every((p) => p.type === 'placeholder' && p.attrs.id !== 'p1' && p.attrs.id !== 'p2' && p.attrs.value === '')).toBe(true)
  })

  it('is a Word table in the .docx, across the text area, its cells in 仿宋', async () => {
    const xml = await (await JSZip.loadAsync(await exportDocx(doc))).file('word/document.xml')!.async('string')
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1)
    expect(xml.match(/<w:tr>/g)).toHaveLength(3)
    expect(xml).toMatch(/<w:tblW w:type="dxa" w:w="8844"\/>/)
    const tableXml = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'))
    expect(tableXml).toContain('地区生产总值')
    expect(tableXml).toMatch(/w:eastAsia="仿宋_GB2312"/)
    // The head row repeats on every page a long table runs onto (Word's 重复标题行).
    expect(tableXml.match(/<w:tblHeader\/>/g)).toHaveLength(1)
    expect(tableXml.indexOf('<w:tblHeader/>')).toBeLessThan(tableXml.indexOf('指标'))
  })

  it('takes as its head the first row and the rows a merged cell of it reaches into', () => {
    const merged = table([{ ...cell(text('地区')), attrs: { rowspan: 2 } }, { ...cell(text('2022年')), attrs: { colspan: 2 } }], [cell(text('总量')), cell(text('增速'))], [cell(text('全县')), cell(text('235')), cell(text('6.5%'))]) as TableJSON
    expect(tableHeadRows(merged)).toBe(2)
    expect(tableHeadRows(doc.content[3] as TableJSON)).toBe(1)
  })

  it('aligns a cell as set, in the .docx too, and draws nothing else a client wrote', async () => {
    const aligned = structuredClone(doc) as any
    aligned.content[3].content[0].content.forEach((c: any) => (c.attrs = { align: 'center' }))
    aligned.content[3].content[1].content[1].attrs = { align: 'right' }
    aligned.content[3].content[2].content[1].attrs = { align: 'center; background: url(https://example.com/)' }
    const cells = (aligned.content[3] as TableJSON).content!.map((row) => row.content!.map(tableCellAlign))
    expect(cells).toEqual([['center', 'center'], ['left', 'right'], ['left', 'left']])
    // The editor's cell: only a valid alignment becomes a style.
    const toDom = (attrs: object) => hegaoSchema.nodes.tableCell.spec.toDOM!(hegaoSchema.nodes.tableCell.create(attrs, hegaoSchema.nodes.paragraph.create())) as unknown as [string, Record<string, string>]
    expect(toDom({ align: 'right' })[1].style).toBe('text-align: right')
    expect(toDom({ align: 'center; background: url(https://example.com/)' })[1].style).toBeUndefined()
    const xml = await (await JSZip.loadAsync(await exportDocx(aligned))).file('word/document.xml')!.async('string')
    const paragraphs = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>')).split('<w:p>').slice(1)
    expect(paragraphs.map((p) => p.match(/<w:jc w:val="(\w+)"\/>/)?.[1])).toEqual(['center', 'center', 'left', 'right', 'left', 'left'])
  })

  it('shares the text area among its columns as their borders were dragged, evenly until then', async () => {
    const widths = (...colwidths: unknown[]) => table(colwidths.map((colwidth) => ({ ...cell(text('x')), attrs: { colwidth } })), colwidths.map(() => cell(text('y')))) as TableJSON
    expect(tableColumnShares(widths(null, null, null, null))).toEqual([0.25, 0.25, 0.25, 0.25])
    expect(tableColumnShares(widths([295], [148], [147]))).toEqual([295 / 590, 148 / 590, 147 / 590])
    // A column without a width takes the others' mean; what is not a width counts as none.
    expect(tableColumnShares(widths([300], null, [100]))).toEqual([0.5, 1 / 3, 1 / 6].map((share) => expect.closeTo(share)))
    expect(tableColumnShares(widths([-5], ['abc'], [1e9], [0]))).toEqual([0.25, 0.25, 0.25, 0.25])
    // A merged cell holds one width per column it spans.
    const merged = table([{ ...cell(text('2022年')), attrs: { colspan: 2, colwidth: [400, 100] } }, { ...cell(text('增速')), attrs: { colwidth: [90] } }], [cell(text('a')), cell(text('b')), cell(text('c'))]) as TableJSON
    expect(tableColumnShares(merged)).toEqual([400 / 590, 100 / 590, 90 / 590])
    // The .docx's grid and each cell's width follow the shares across the text area (8844 twips).
    const report = structuredClone(doc) as any
    report.content[3] = merged
    const xml = await (await JSZip.loadAsync(await exportDocx(report))).file('word/document.xml')!.async('string')
    expect([...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([5996, 1499, 1349])
    expect([...xml.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([7495, 1349, 5996, 1499, 1349])
  })

  it('reads a crafted span as one column or row, so no reader builds a grid of its size', async () => {
    const crafted = table([{ ...cell(text('指标')), attrs: { colspan: 1e9, rowspan: 'x' } }, cell(text('数值'))], [cell(text('a')), cell(text('b'))]) as TableJSON
    expect(tableHeadRows(crafted)).toBe(1)
    expect(tableColumnShares(crafted)).toEqual([0.5, 0.5])
    const report = structuredClone(doc) as any
    report.content[3] = crafted
    const xml = await (await JSZip.loadAsync(await exportDocx(report))).file('word/document.xml')!.async('string')
    expect(xml.match(/<w:gridCol /g)).toHaveLength(2)
    expect(xml).not.toContain('w:gridSpan')
    // The editor's schema refuses to build such a cell (y-tiptap then leaves it out).
    expect(() => hegaoSchema.nodes.tableCell.create({ colspan: 1e9 }, hegaoSchema.nodes.paragraph.create())).toThrow(RangeError)
    expect(() => hegaoSchema.nodes.tableCell.create({ colspan: 3, rowspan: 2 }, hegaoSchema.nodes.paragraph.create())).not.toThrow()
  })
})
