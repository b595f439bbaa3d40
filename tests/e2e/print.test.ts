import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { PrintDocument } from '../../client/print/PrintDocument'
import { importText } from '../../shared/import/importText'
import type { DocJSON, InlineJSON } from '../../shared/docJson'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const samplePath = path.resolve(repoRoot, '../shared/samples/county-stats-bureau-2022-summary.txt')

const text = (t: string): InlineJSON => ({ type: 'text', text: t })
const SMALL: DocJSON = {
  type: 'doc',
  content: [
    { type: 'title', content: [text('县统计局2022年工作总结')] },
    { type: 'sectionHeading', attrs: { id: null, level: 1 }, content: [text('工作开展情况')] },
    { type: 'sectionHeading', attrs: { id: null, level: 2 }, content: [text('落实责任。开展学习'), { type: 'placeholder', attrs: { id: null, kind: 'number', pattern: '**', unit: '次', value: '' } }, text('次。')] },
    { type: 'paragraph', content: [text('正文段落。')] },
  ],
}

function pageHtml(doc: DocJSON, meta?: Parameters<typeof PrintDocument>[0]['meta'], letterhead?: Parameters<typeof PrintDocument>[0]['letterhead']): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body style="margin:0">${renderToStaticMarkup(createElement(PrintDocument, { doc, meta, letterhead }))}</body></html>`
}

/** The page-number words of each PDF page with their x position (pdftotext -bbox). */
function pageNumberPositions(pdf: string): { page: number; xMin: number; width: number; text: string }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' })
  return html.split('<page ').slice(1).map((chunk, i) => {
    const width = Number(chunk.match(/width="([\d.]+)"/)?.[1])
    const words = [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] }))
    const lowest = Math.max(...words.map((w) => w.y))
    const footer = words.filter((w) => w.y === lowest)
    return { page: i + 1, xMin: Math.min(...footer.map((w) => w.x)), width, text: footer.map((w) => w.text).join(' ') }
  })
}

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

describe('the print view', () => {
  let browser: Browser
  let page: Page
  let dir: string

  beforeAll(async () => {
    browser = await launchBrowser()
    page = await browser.newPage()
    dir = mkdtempSync(path.join(tmpdir(), 'hegao-print-'))
  })
  afterAll(async () => {
    await browser?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('sets the title, heading levels and body in the GB/T 9704 faces and sizes', async () => {
    await page.setContent(pageHtml(SMALL))
    const looks = await page.evaluate(() => {
      const look = (selector: string) => {
        const el = document.querySelector(selector)
        if (!el) return null
        const style = getComputedStyle(el)
        return { text: el.textContent, family: style.fontFamily, size: style.fontSize, lineHeight: style.lineHeight }
      }
      return { title: look('.gw-title'), h1: look('.gw-h1'), h2: look('.gw-h2'), runIn: look('.gw-h2 .gw-run-in-body'), body: look('.gw-body'), unfilled: look('.gw-unfilled') }
    })
    expect(looks.title?.text).toBe('县统计局2022年工作总结')
    expect(looks.title?.family).toMatch(/^"?方正小标宋简体/)
    expect(parseFloat(looks.title!.size)).toBeCloseTo((22 * 96) / 72, 1)
    expect(looks.h1?.text).toBe('一、工作开展情况')
    expect(looks.h1?.family).toMatch(/^"?黑体/)
    expect(looks.h2?.text).toBe('（一）落实责任。开展学习**次。')
    expect(looks.h2?.family).toMatch(/^"?楷体_GB2312/)
    expect(looks.runIn?.text).toBe('开展学习**次。')
    expect(looks.runIn?.family).toMatch(/^"?仿宋_GB2312/)
    expect(looks.body?.family).toMatch(/^"?仿宋_GB2312/)
    expect(parseFloat(looks.body!.size)).toBeCloseTo((16 * 96) / 72, 1)
    // 579 twips = 28.95 pt = 38.6 px: 22 lines in the 225 mm text area.
    expect(parseFloat(looks.body!.lineHeight)).toBeCloseTo((28.95 * 96) / 72, 1)
    expect(looks.unfilled?.text).toBe('**')
    expect(await page.locator('button', { hasText: '打印' }).isVisible()).toBe(true)
  })

  it('sets the 主送机关 flush left and places the 署名 and 成文日期 by §7.3.5.2', async () => {
    const notice = importText(['关于开展统计执法检查的通知', '各乡镇人民政府，县直各单位：', '现将有关事项通知如下。', '县统计局', '2023年5月10日'].join('\n')).doc
    await page.setContent(pageHtml(notice))
    const box = await page.evaluate(() => {
      const rect = (selector: string) => {
        const el = document.querySelector(selector)!
        const range = document.createRange()
        range.selectNodeContents(el)
        const text = range.getBoundingClientRect()
        return { left: text.left, right: text.right, indent: getComputedStyle(el).textIndent }
      }
      const area = document.querySelector('.gw-document')!.getBoundingClientRect()
      const char = parseFloat(getComputedStyle(document.querySelector('.gw-body')!).fontSize)
      return { areaLeft: area.left, areaRight: area.right, char, addressee: rect('.gw-addressee'), signature: rect('.gw-closing.gw-space-before'), date: rect('.gw-closing:not(.gw-space-before)') }
    })
    expect(box.addressee.left).toBeCloseTo(box.areaLeft, 0)
    // The date two characters in from the right; it starts two characters right of the signature.
    expect((box.areaRight - box.date.right) / box.char).toBeCloseTo(2, 0)
    expect((box.date.left - box.signature.left) / box.char).toBeCloseTo(2, 0)
  })

  it('sets a 版头 by §7.2: the mark in red 35 mm below the top, the red line as wide as the text, the title two lines below', async () => {
    await page.setContent(pageHtml(SMALL, undefined, { issuer: '县统计局文件', serial: '县统发〔2026〕5号' }))
    const box = await page.evaluate(() => {
      const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect()
      const issuer = document.querySelector('.gw-issuer')!
      const serial = getComputedStyle(document.querySelector('.gw-serial')!)
      const mm = rect('.gw-sheet').width / 210
      return {
        // From the top of the text area: the sheet's top margin (37 mm) is its padding on screen.
        color: getComputedStyle(issuer).color, topMm: (rect('.gw-issuer').top - rect('.gw-sheet').top) / mm - 37,
        ruleWidthMm: rect('.gw-serial').width / mm, rule: `${serial.borderBottomStyle} ${serial.borderBottomColor}`,
        titleGapLines: (rect('.gw-title').top - rect('.gw-serial').bottom) / parseFloat(getComputedStyle(document.querySelector('.gw-body')!).lineHeight),
      }
    })
    expect(box.color).toBe('rgb(255, 0, 0)')
    expect(box.topMm).toBeCloseTo(35, 0)
    expect(box.ruleWidthMm).toBeCloseTo(156, 0)
    expect(box.rule).toBe('solid rgb(255, 0, 0)')
    expect(box.titleGapLines).toBeCloseTo(2, 0)

    // 份号 and 紧急程度 on the first two lines, flush left; the mark stays 35 mm below the top.
    await page.setContent(pageHtml(SMALL, undefined, { issuer: '县统计局文件', serial: '县统发〔2026〕5号', copyNumber: '12', urgency: '加急' }))
    const marks = await page.evaluate(() => {
      const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect()
      const mm = rect('.gw-sheet').width / 210
      const line = parseFloat(getComputedStyle(document.querySelector('.gw-body')!).lineHeight)
      return {
        texts: [...document.querySelectorAll('.gw-mark')].map((el) => el.textContent),
        lines: [(rect('.gw-mark-copyNumber').top - rect('.gw-sheet').top) / mm - 37, (rect('.gw-mark-urgency').top - rect('.gw-mark-copyNumber').top) / line],
        leftMm: (rect('.gw-mark-urgency').left - rect('.gw-sheet').left) / mm - 28,
        font: getComputedStyle(document.querySelector('.gw-mark-urgency')!).fontFamily,
        issuerTopMm: (rect('.gw-issuer').top - rect('.gw-sheet').top) / mm - 37,
      }
    })
    expect(marks.texts).toEqual(['000012', '加急'])
    expect(marks.lines[0]).toBeCloseTo(0, 0)
    expect(marks.lines[1]).toBeCloseTo(1, 1)
    expect(marks.leftMm).toBeCloseTo(0, 0)
    expect(marks.font).toMatch(/黑体|SimHei/)
    expect(marks.issuerTopMm).toBeCloseTo(35, 0)
  })

  it('sets a table across the text area in 4号 仿宋 with single black rules, its columns in their shares, each cell aligned as set', async () => {
    const cell = (t: string) => ({ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] })
    const withTable = structuredClone(SMALL)
    const empty = { type: 'tableCell', content: [{ type: 'paragraph' }] }
    ;(withTable.content as unknown[]).push({ type: 'table', content: [{ type: 'tableRow', content: [{ ...cell('指标'), attrs: { colwidth: [390] } }, { ...cell('数值'), attrs: { align: 'center', colwidth: [200] } }] }, { type: 'tableRow', content: [cell('地区生产总值'), { ...cell('235亿元'), attrs: { align: 'right' } }] }, { type: 'tableRow', content: [empty, empty] }] })
    await page.setContent(pageHtml(withTable))
    const box = await page.evaluate(() => {
      const table = document.querySelector('.gw-table')!
      const td = getComputedStyle(table.querySelector('td')!)
      const mm = document.querySelector('.gw-sheet')!.getBoundingClientRect().width / 210
      return {
        widthMm: table.getBoundingClientRect().width / mm,
        cells: [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('td')].map((c) => c.textContent)),
        font: getComputedStyle(table).fontFamily, sizePt: parseFloat(getComputedStyle(table).fontSize) * 0.75,
        rule: `${td.borderTopStyle} ${td.borderTopColor}`, indent: getComputedStyle(table.querySelector('p')!).textIndent,
        // The head row in a <thead>, which the browser repeats on every printed page.
        head: table.querySelectorAll('thead tr').length,
        // An empty row is as tall as a filled one.
        rowHeights: [...table.querySelectorAll('tr')].slice(1).map((tr) => Math.round(tr.getBoundingClientRect().height)),
        // The columns in their shares of the text area, as dragged in the editor.
        firstColumnShare: table.querySelector('td')!.getBoundingClientRect().width / table.getBoundingClientRect().width,
        aligns: [...table.querySelectorAll('tr')].slice(0, 2).map((tr) => [...tr.querySelectorAll('p')].map((p) => getComputedStyle(p).textAlign)),
      }
    })
    expect(box.widthMm).toBeCloseTo(156, 0)
    expect(box.cells).toEqual([['指标', '数值'], ['地区生产总值', '235亿元'], ['', '']])
    expect(box.font).toMatch(/仿宋|FangSong/)
    expect(box.sizePt).toBeCloseTo(14, 0)
    expect(box.rule).toBe('solid rgb(0, 0, 0)')
    expect(box.indent).toBe('0px')
    expect(box.head).toBe(1)
    expect(box.rowHeights[1]).toBe(box.rowHeights[0])
    expect(box.firstColumnShare).toBeCloseTo(390 / 590, 2)
    expect(box.aligns).toEqual([['left', 'center'], ['left', 'right']])
  })

  it('prints an unfilled placeholder highlighted yellow and a filled one plain', async () => {
    await page.setContent(pageHtml(SMALL))
    const unfilledPdf = path.join(dir, 'unfilled.pdf')
    writeFileSync(unfilledPdf, await page.pdf({ preferCSSPageSize: true }))
    expect(yellowPixels(unfilledPdf, 1)).toBeGreaterThan(0)

    const filled = structuredClone(SMALL)
    const heading = filled.content[2] as { content: InlineJSON[] }
    heading.content = heading.content.map((n) => (n.type === 'placeholder' ? { ...n, attrs: { ...n.attrs, value: '12' } } : n))
    await page.setContent(pageHtml(filled))
    const filledPdf = path.join(dir, 'filled.pdf')
    writeFileSync(filledPdf, await page.pdf({ preferCSSPageSize: true }))
    expect(yellowPixels(filledPdf, 1)).toBe(0)
    expect(execFileSync('pdftotext', [filledPdf, '-'], { encoding: 'utf8' })).toContain('开展学习12次')
  })

  it('prints the sample on A4 pages of 22 lines with — n — page numbers outside and without the print button', async () => {
    const { doc } = importText(readFileSync(samplePath, 'utf8'))
    await page.setContent(pageHtml(doc, { status: 'signed', hash: 'e'.repeat(64), signoffs: [{ username: 'leader', displayName: '王局长', at: '2026-11-24T10:30:00Z', hash: 'e'.repeat(64) }] }))
    const pdf = path.join(dir, 'print.pdf')
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }))

    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    const [, width, height] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/) ?? []
    // A4 = 595.28 × 841.89 pt; Chromium rounds to whole CSS pixels.
    expect(Number(width)).toBeCloseTo(595.28, 0)
    expect(Number(height)).toBeCloseTo(841.89, 0)
    const pages = Number(info.match(/Pages:\s+(\d+)/)?.[1])
    // 4–6 pages of text plus the sign-off record page.
    expect(pages).toBeGreaterThanOrEqual(5)
    expect(pages).toBeLessThanOrEqual(7)

    const all = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    expect(all).not.toContain('打印')
    expect(all).toContain('定稿与签发记录')
    // The .docx's wording: Beijing time, whatever the browser's zone.
    expect(all.replace(/\s+/g, '')).toContain('王局长（leader）于2026-11-2418:30（北京时间）签发')

    for (const footer of pageNumberPositions(pdf)) {
      expect(footer.text.replace(/\s+/g, '')).toBe(`—${footer.page}—`)
      // §7.5: odd pages right, even pages left.
      if (footer.page % 2 === 1) expect(footer.xMin, `page ${footer.page}`).toBeGreaterThan(footer.width / 2)
      else expect(footer.xMin, `page ${footer.page}`).toBeLessThan(footer.width / 2)
    }

    const page2 = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' })
    const lines = page2.split('\n').map((l) => l.trim()).filter(Boolean).filter((l) => !/^—\s*\d+\s*—$/.test(l))
    expect(lines).toHaveLength(22)
  })
})
