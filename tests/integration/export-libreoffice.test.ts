import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exportDocx } from '../../server/export/docx'
import { importText } from '../../shared/import/importText'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const samplePath = path.resolve(repoRoot, '../shared/samples/county-stats-bureau-2022-summary.txt')

/**
 * Converts the sample's .docx to PDF with LibreOffice, a second, independent reader of the
 * file: if it lays the draft out as a 公文 of a plausible length, Word and WPS will too.
 */
/** Counts highlighter-yellow pixels on one PDF page, rasterised as a binary PPM (P6) by pdftoppm. */
function yellowPixels(pdf: string, page: number): number {
  const ppm = execFileSync('pdftoppm', ['-r', '30', '-f', String(page), '-l', String(page), '-singlefile', pdf])
  // Header: "P6\n<width> <height>\n<maxval>\n", then RGB bytes.
  const header = ppm.subarray(0, 40).toString('latin1').match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/)
  if (!header) throw new Error('pdftoppm did not write a PPM')
  let count = 0
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (ppm[i] > 200 && ppm[i + 1] > 200 && ppm[i + 2] < 100) count++
  }
  return count
}

describe('the .docx export read by LibreOffice', () => {
  let dir: string
  let pdf: string

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hegao-export-lo-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('converts the sample draft to a PDF of 4–6 pages with its title, sections and page numbers', async () => {
    const { doc } = importText(readFileSync(samplePath, 'utf8'))
    const docx = path.join(dir, 'sample.docx')
    writeFileSync(docx, await exportDocx(doc))
    // A private HOME: LibreOffice keeps a profile there and refuses to run two instances on one.
    execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx], {
      env: { ...process.env, HOME: dir }, timeout: 120_000, stdio: 'pipe',
    })
    pdf = path.join(dir, 'sample.pdf')
    const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1])
    expect(pages).toBeGreaterThanOrEqual(4)
    expect(pages).toBeLessThanOrEqual(6)

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    const flat = text.replace(/\s+/g, '')
    expect(flat).toContain('县统计局领导班子2022年工作总结')
    expect(flat).toContain('一、工作开展情况及经验做法')
    expect(flat).toContain('二、存在的问题')
    // The draft jumps from 二、 to 四、: an importer that recognises headings renumbers it 三、,
    // the exporter computes numbers from the heading levels; plain paragraphs keep the source text.
    const structured = doc.content.some((block) => block.type === 'sectionHeading')
    expect(flat).toContain(`${structured ? '三' : '四'}、下步工作打算`)
    for (let page = 1; page <= pages; page++) expect(flat).toContain(`—${page}—`)
    // The draft's unfilled `*` placeholders carry the yellow highlight through to the page.
    if (doc.content.some((b) => b.content?.some((n) => n.type === 'placeholder'))) expect(yellowPixels(pdf, 1)).toBeGreaterThan(0)
  }, 180_000)

  it('lays page 2 out as 22 lines of at most 28 characters', () => {
    // pdftotext -layout keeps one text line per printed line; page 2 is all body text.
    const page2 = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' })
    const lines = page2.split('\n').map((l) => l.trim()).filter(Boolean).filter((l) => !/^—\s*\d+\s*—$/.test(l))
    expect(lines).toHaveLength(22)
    // A line of only CJK text holds exactly 28 characters (digits and Latin are narrower).
    const cjkOnly = lines.filter((l) => /^[\u3000-\u9fff\uff00-\uffef“”]+$/.test(l) && l.length >= 20)
    expect(cjkOnly.length).toBeGreaterThan(0)
    for (const line of cjkOnly) expect(line.length).toBeLessThanOrEqual(28)
    expect(cjkOnly.some((l) => l.length === 28)).toBe(true)
  })
})
