import { describe, expect, it } from 'vitest'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { importDocx } from '../../shared/import/importDocx'
import { importText } from '../../shared/import/importText'
import { exportText } from '../../shared/export/text'
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
})
