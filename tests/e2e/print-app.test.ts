import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { startServer } from '../../server/app'
import { launchBrowser } from '../helpers/browser'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const sample = readFileSync(path.resolve(repoRoot, '../shared/samples/county-stats-bureau-2022-summary.txt'), 'utf8')

/** The print page of the built client, against the real server (route /#/documents/:id/print). */
describe('the print page of a stored document', () => {
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Browser
  let dataDir: string

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hegao-e2e-print-'))
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword: 'admin-pass' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows a stored document to a signed-in user laid out for printing, numbers recomputed and placeholders highlighted', async () => {
    const login = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-pass' }) })
    const { token } = await login.json() as { token: string }
    const created = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ text: sample }) })
    const { id } = await created.json() as { id: string }

    const page = await browser.newPage()
    await page.goto(`${server.url}/#/login`)
    await page.getByTestId('signin-username').fill('admin')
    await page.getByTestId('signin-password').fill('admin-pass')
    await page.getByTestId('signin-submit').click()
    await page.waitForFunction(() => Boolean(localStorage.getItem('hegao.token')))
    await page.goto(`${server.url}/#/documents/${id}/print`)
    await page.locator('.gw-title, [role=alert]').first().waitFor({ timeout: 15_000 })
    expect(await page.locator('[role=alert]').count(), await page.locator('body').innerText()).toBe(0)

    expect(await page.locator('.gw-title').innerText()).toBe('县统计局领导班子2022年工作总结及下一步工作打算')
    expect(await page.locator('.gw-h1').allInnerTexts()).toEqual(['一、工作开展情况及经验做法', '二、存在的问题', '三、下步工作打算'])
    expect(await page.locator('.gw-unfilled').count()).toBeGreaterThan(10)
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(true)

    // On screen the pages stand one below the other, broken where the printout breaks them.
    const pdfPath = path.join(dataDir, 'print.pdf')
    writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true }))
    const pdfPages = Number(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1])
    expect(pdfPages).toBeGreaterThan(3)
    expect(await page.getByTestId('print-page-count').innerText()).toBe(`共 ${pdfPages} 页。`)
    expect(await page.locator('.gw-screen-page-number').allInnerTexts()).toEqual(Array.from({ length: pdfPages }, (_, i) => `— ${i + 1} —`))
    const screenStarts = await page.evaluate((pages) => {
      const text = document.querySelector('.gw-document')!
      const mm = 96 / 25.4
      return Array.from({ length: pages }, (_, k) => {
        // Half a character in from the left, half a line down, in the k-th text area (sheets 305 mm apart),
        // scrolled into view: caretRangeFromPoint reads only what is on screen.
        window.scrollTo(0, text.getBoundingClientRect().top + window.scrollY + k * 305 * mm - 100)
        const area = text.getBoundingClientRect()
        const caret = document.caretRangeFromPoint(area.left + 8, area.top + k * 305 * mm + 14)!
        const line = document.createRange()
        line.setStart(caret.startContainer, caret.startOffset)
        const block = caret.startContainer.parentElement!.closest('p, h1')!
        line.setEnd(block, block.childNodes.length)
        return line.toString().slice(0, 8)
      })
    }, pdfPages)
    const pdfStarts = Array.from({ length: pdfPages }, (_, k) => execFileSync('pdftotext', ['-f', String(k + 1), '-l', String(k + 1), pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '').slice(0, 8))
    expect(screenStarts).toEqual(pdfStarts)

    await page.getByRole('link', { name: '返回文档' }).click()
    await page.waitForURL(`${server.url}/#/documents/${id}`)
    await page.close()
  })

  it('sets every full-width punctuation mark in a whole character cell in the editor, the version view and the print view', async () => {
    const login = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-pass' }) })
    const { token } = await login.json() as { token: string }
    const created = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ title: '关于开展统计执法检查的通知', template: 'notice' }) })
    const { id } = await created.json() as { id: string }
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
    await page.goto(`${server.url}/#/login`)
    await page.getByTestId('signin-username').fill('admin')
    await page.getByTestId('signin-password').fill('admin-pass')
    await page.getByTestId('signin-submit').click()
    await page.waitForFunction(() => Boolean(localStorage.getItem('hegao.token')))

    // Each mark's advance in ems of its own font size; the template's hints stand next to a 。
    // (依据。】, 重视。【), which Chromium's default (text-spacing-trim: normal) sets half wide.
    const marks = (selector: string) => page.evaluate((selector) => {
      const widths: { mark: string; ems: number }[] = []
      const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = 0; i < node.data.length; i++) {
          if (!'：，。；、（）《》“”【】'.includes(node.data[i])) continue
          const range = document.createRange()
          range.setStart(node, i)
          range.setEnd(node, i + 1)
          const ems = range.getBoundingClientRect().width / parseFloat(getComputedStyle(node.parentElement!).fontSize)
          widths.push({ mark: node.data.slice(Math.max(0, i - 2), i + 2), ems: Math.round(ems * 100) / 100 })
        }
      }
      return widths
    }, selector)
    const expectWhole = (widths: { mark: string; ems: number }[]) => {
      expect(widths.length).toBeGreaterThan(20)
      // Whole cells: the print view's −5 twips of character spacing leave 0.98 em.
      expect(widths.filter((w) => w.ems < 0.95)).toEqual([])
    }

    await page.goto(`${server.url}/#/documents/${id}`)
    await page.locator('.ProseMirror .template-hint').first().waitFor()
    expectWhole(await marks('.ProseMirror'))

    await page.getByTestId('open-history').click()
    await page.getByTestId('version-view').first().click()
    await page.getByTestId('version-content').waitFor()
    expectWhole(await marks('[data-testid="version-content"]'))

    await page.goto(`${server.url}/#/documents/${id}/print`)
    await page.locator('.gw-title').waitFor({ timeout: 15_000 })
    expectWhole(await marks('.gw-document'))
    await page.close()
  })
})
