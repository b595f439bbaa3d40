import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startServer } from '../../server/app'
import { launchBrowser } from '../helpers/browser'
import { apiCall } from '../helpers/api'
import { eventually } from '../helpers/retry'
import { SAMPLE_PATH } from '../unit/sampleDraft'

/**
 * The toolbar above the page, in real browsers on the sample draft: 查找替换 while an editor
 * types (a commenter may search but not replace), 撤销 / 重做 and the list of keys.
 */

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let dataDir: string
let docId: string
let owner: Page
let editor: Page
let commenter: Page

function call<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  return apiCall<T>(server.url, method, url, token, body)
}

const login = async (username: string) => (await call<{ token: string }>('POST', '/api/login', null, { username, password: `${username}-pw` })).token

async function openAs(username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage()
  await page.goto(`${server.url}/#/login`)
  await page.getByTestId('signin-username').fill(username)
  await page.getByTestId('signin-password').fill(`${username}-pw`)
  await page.getByTestId('signin-submit').click()
  await page.locator(`[data-testid="document-row"][data-document-id="${docId}"] a`).click()
  await page.locator('.ProseMirror').waitFor({ timeout: 5000 })
  return page
}

/** How often `query` occurs in the editor's text (placeholders and heading numbers are not text). */
const occurrences = (page: Page, query: string) =>
  page.evaluate((q) => {
    const editor = (document.querySelector('.ProseMirror') as any).editor
    const blocks: string[] = []
    editor.state.doc.descendants((node: any) => (node.isTextblock ? (blocks.push(node.textContent), false) : true))
    return blocks.join('\n').split(q).length - 1
  }, query)

const status = (page: Page) => page.getByTestId('find-status').innerText()

/** Runs a table command from its toolbar menu (插入, 删除, 对齐). */
async function tableCommand(page: Page, menu: 'insert' | 'delete' | 'align', testId: string) {
  await page.getByTestId(`table-menu-${menu}`).click()
  await page.getByTestId(testId).click()
}

/** Waits for the editor to hold the focus: after the find bar closes, Tiptap gives it back in the next frame. */
const editorFocused = (page: Page) => expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)

describe('the editor toolbar while others edit', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hegao-e2e-find-'))
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword: 'admin-pass' })
    const admin = (await call<{ token: string }>('POST', '/api/login', null, { username: 'admin', password: 'admin-pass' })).token
    for (const [username, displayName] of [['liwei', '李伟'], ['wangfang', '王芳'], ['zhaomin', '赵敏']]) {
      await call('POST', '/api/users', admin, { username, displayName, password: `${username}-pw` })
    }
    const token = await login('liwei')
    docId = (await call<{ id: string }>('POST', '/api/documents', token, { title: '县统计局2022年工作总结', text: readFileSync(SAMPLE_PATH, 'utf8') })).id
    await call('PUT', `/api/documents/${docId}/members/wangfang`, token, { role: 'editor' })
    await call('PUT', `/api/documents/${docId}/members/zhaomin`, token, { role: 'commenter' })
    browser = await launchBrowser()
    owner = await openAs('liwei')
    editor = await openAs('wangfang')
    commenter = await openAs('zhaomin')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('finds with Ctrl-F, steps with Enter and Shift-Enter, and Escape leaves the caret at the match', async () => {
    const total = await occurrences(owner, '统计')
    expect(total).toBeGreaterThan(50)
    await owner.locator('.ProseMirror .section-heading').first().click()
    await owner.keyboard.press('Control+f')
    await expect.poll(() => owner.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('find-query')
    // Typed with a Chinese IME: the pinyin being composed is not searched, the committed word is.
    const cdp = await owner.context().newCDPSession(owner)
    for (const partial of ['t', 'tong', 'tongji']) {
      await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length })
    }
    expect(await status(owner)).toBe('')
    await cdp.send('Input.insertText', { text: '统计' })
    await eventually(async () => expect(await status(owner)).toMatch(new RegExp(`^\\d+ / ${total}$`)))
    expect(await owner.getByTestId('find-query').inputValue()).toBe('统计')
    expect(await owner.locator('.ProseMirror .find-match').count()).toBe(total)
    const start = Number((await status(owner)).split(' / ')[0])
    expect(start).toBeGreaterThan(1) // the first match at or after the caret, not the title's
    await owner.keyboard.press('Enter')
    await owner.keyboard.press('Enter')
    await eventually(async () => expect(await status(owner)).toBe(`${start + 2} / ${total}`))
    await owner.keyboard.press('Shift+Enter')
    await eventually(async () => expect(await status(owner)).toBe(`${start + 1} / ${total}`))
    await owner.getByTestId('find-query').fill('没有这样的话')
    await eventually(async () => expect(await status(owner)).toBe('无匹配'))
    await owner.getByTestId('find-query').fill('统计')
    await owner.keyboard.press('Enter')
    await owner.keyboard.press('Escape')
    await owner.getByTestId('find-bar').waitFor({ state: 'detached' })
    expect(await owner.locator('.ProseMirror .find-match').count()).toBe(0)
    // Tiptap gives the editor its focus in the next frame.
    await expect.poll(() => owner.evaluate(() => {
      const { state } = (document.querySelector('.ProseMirror') as any).editor
      return [document.activeElement?.classList.contains('ProseMirror'), state.doc.textBetween(state.selection.from, state.selection.to)]
    })).toEqual([true, '统计'])
  })

  it('stays at its match while a colleague types before it', async () => {
    await editorFocused(owner)
    await owner.keyboard.press('Control+f')
    await owner.getByTestId('find-query').fill('统计')
    await eventually(async () => expect(await status(owner)).toMatch(/^\d+ \/ \d+$/))
    const [at, total] = (await status(owner)).split(' / ').map(Number)
    // 王芳 types 统计 at the start of the opening paragraph, before the owner's match.
    await editor.locator('.ProseMirror > p').first().click()
    await editor.keyboard.press('Home')
    await editor.keyboard.type('统计')
    await eventually(async () => expect(await status(owner)).toBe(`${at + 1} / ${total + 1}`))
    await owner.keyboard.press('Escape')
  })

  it('replaces all in one change that every editor receives, undone in one step', async () => {
    const before = await occurrences(owner, '2022年')
    expect(before).toBeGreaterThan(0)
    await editorFocused(owner)
    await owner.keyboard.press('Control+h')
    await owner.getByTestId('find-query').fill('2022年')
    await owner.getByTestId('find-replacement').fill('2023年')
    await eventually(async () => expect(await status(owner)).toBe(`1 / ${before}`))
    await owner.getByTestId('find-replace-all').click()
    await eventually(async () => expect(await owner.getByTestId('find-replaced').innerText()).toBe(`已替换 ${before} 处`))
    expect(await status(owner)).toBe('无匹配')
    await eventually(async () => expect([await occurrences(editor, '2022年'), await occurrences(editor, '2023年')]).toEqual([0, before]))
    await owner.keyboard.press('Escape')
    await editorFocused(owner)
    await owner.keyboard.press('Control+z')
    await eventually(async () => expect(await occurrences(editor, '2022年')).toBe(before))
  })

  it('replaces the current match and goes on to the next, not into the new text', async () => {
    const before = await occurrences(owner, '统计局')
    await owner.locator('.ProseMirror .doc-title').click()
    await owner.keyboard.press('Home')
    await owner.keyboard.press('Control+h')
    await owner.getByTestId('find-query').fill('统计局')
    // The replacement holds the query: replacing must not find it again in what it just wrote.
    await owner.getByTestId('find-replacement').fill('县统计局')
    await eventually(async () => expect(await status(owner)).toBe(`1 / ${before}`))
    await owner.getByTestId('find-replacement').press('Enter')
    await eventually(async () => expect(await status(owner)).toBe(`2 / ${before}`))
    await eventually(async () => expect(await occurrences(editor, '县县统计局')).toBe(1))
    await owner.keyboard.press('Escape')
  })

  it('lets a commenter search the text but offers no replacing', async () => {
    await expect.poll(() => commenter.getByTestId('find-open').innerText()).toBe('查找')
    await commenter.getByTestId('find-open').click()
    await commenter.getByTestId('find-query').fill('统计')
    await eventually(async () => expect(await status(commenter)).toMatch(/^1 \/ \d+$/))
    expect(await commenter.getByTestId('find-replacement').count()).toBe(0)
    expect(await commenter.getByText('替换…').count()).toBe(0)
    await commenter.screenshot({ path: '/tmp/find-commenter.png' })
  })

  it('undoes and redoes one\'s own change from the buttons, never a colleague\'s', async () => {
    await owner.reload()
    await owner.locator('.ProseMirror[contenteditable="true"]').waitFor()
    expect([await owner.getByTestId('undo').isDisabled(), await owner.getByTestId('redo').isDisabled()]).toEqual([true, true])
    await owner.locator('.ProseMirror .section-heading').nth(1).click()
    await owner.keyboard.press('End')
    await owner.keyboard.type('李伟加的')
    await editor.locator('.ProseMirror .section-heading').nth(2).click()
    await editor.keyboard.press('End')
    await editor.keyboard.type('王芳加的')
    await eventually(async () => expect([await occurrences(owner, '李伟加的'), await occurrences(owner, '王芳加的')]).toEqual([1, 1]))
    await owner.getByTestId('undo').click()
    for (const page of [owner, editor]) {
      await eventually(async () => expect([await occurrences(page, '李伟加的'), await occurrences(page, '王芳加的')]).toEqual([0, 1]))
    }
    expect([await owner.getByTestId('undo').isDisabled(), await owner.getByTestId('redo').isDisabled()]).toEqual([true, false])
    await owner.getByTestId('redo').click()
    await eventually(async () => expect(await occurrences(editor, '李伟加的')).toBe(1))
  })

  it('lists the editor\'s keys under 快捷键, for those who may edit', async () => {
    await owner.getByTestId('shortcuts-open').click()
    const dialog = owner.getByTestId('shortcuts-dialog')
    await expect.poll(() => dialog.locator('tr').count()).toBeGreaterThan(5)
    expect(await dialog.innerText()).toContain('Ctrl+H')
    await owner.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect([await commenter.getByTestId('shortcuts-open').count(), await commenter.getByTestId('undo').count()]).toEqual([0, 0])
  })

  it('closes 导出 with Escape and with a click elsewhere, exporting nothing', async () => {
    const item = owner.getByTestId('export-docx')
    await owner.getByTestId('open-export').click()
    await item.waitFor()
    await owner.keyboard.press('Escape')
    await item.waitFor({ state: 'detached' })
    await owner.getByTestId('open-export').click()
    await item.waitFor()
    await owner.locator('.ProseMirror p').first().click()
    await item.waitFor({ state: 'detached' })
    expect(await owner.getByTestId('open-export').innerText()).toBe('导出')
  })

  it('inserts a table after the paragraph at the caret, filled cell by cell with Tab, aligned and its columns dragged, which the colleague sees', async () => {
    const tables = (page: Page) => page.evaluate(() => {
      const found: string[][][] = []
      ;(document.querySelector('.ProseMirror') as any).editor.state.doc.forEach((node: any) => {
        if (node.type.name !== 'table') return
        const rows: string[][] = []
        node.forEach((row: any) => { const cells: string[] = []; row.forEach((cell: any) => cells.push(cell.textContent)); rows.push(cells) })
        found.push(rows)
      })
      return found
    })
    const unfilled = async () => Number((await owner.locator('.outline-total').innerText()).match(/待填写\s*(\d+)/)?.[1])
    const before = await unfilled()
    await owner.locator('.ProseMirror > p').first().click()
    await owner.getByTestId('table-insert').click()
    for (const [i, value] of ['指标', '2022年', '增长', '地区生产总值', '**亿元'].entries()) {
      if (i > 0) await owner.keyboard.press('Tab')
      await owner.keyboard.type(value)
    }
    await eventually(async () => expect((await tables(editor))[0]?.[1]?.[0]).toBe('地区生产总值'))
    expect((await tables(editor))[0].map((row) => row.length)).toEqual([3, 3, 3])
    // The star run in a cell is a placeholder like any other, counted in the outline.
    await eventually(async () => expect(await unfilled()).toBe(before + 1))
    expect(await editor.locator('.ProseMirror table .placeholder.unfilled').count()).toBe(1)
    // Chinese composed with an IME in a cell while the colleague types in another cell of the table.
    await editor.locator('.ProseMirror table td').nth(2).click()
    await editor.keyboard.press('End')
    await owner.locator('.ProseMirror table td').nth(5).click()
    const cdp = await owner.context().newCDPSession(owner)
    const typing = editor.keyboard.type('（初步）', { delay: 30 })
    for (const partial of ['c', 'chu', 'chubu', 'chubuhe', 'chubuhesuan']) {
      await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length })
    }
    await cdp.send('Input.insertText', { text: '初步核算' })
    await typing
    for (const page of [owner, editor]) {
      await eventually(async () => expect([(await tables(page))[0][0][2], (await tables(page))[0][1][2]]).toEqual(['增长（初步）', '初步核算']))
    }
    // In a table, 段落格式 offers nothing (no headings in cells), and the row and column commands work.
    expect(await owner.getByTestId('block-format').isDisabled()).toBe(true)
    // On a 1366 × 768 laptop the table's tools keep the toolbar to its one row, and the page
    // scrolls below the toolbar, never under it.
    await owner.setViewportSize({ width: 1366, height: 768 })
    const layout = () => owner.evaluate(() => {
      const bottom = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().bottom
      const top = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().top
      return { toolbar: bottom('.editor-toolbar') - top('.editor-toolbar'), toolbarBottom: bottom('.editor-toolbar'), column: top('.editor-column') }
    })
    const inTable = await layout()
    await owner.locator('.ProseMirror > p').first().click()
    const outside = await layout()
    expect(inTable.toolbar).toBe(outside.toolbar)
    expect(inTable.toolbar).toBeLessThan(50)
    expect(inTable.column).toBeGreaterThanOrEqual(inTable.toolbarBottom)
    await owner.setViewportSize({ width: 1400, height: 900 })
    await owner.locator('.ProseMirror table td').nth(5).click()
    await tableCommand(owner, 'insert', 'table-row-after')
    await tableCommand(owner, 'delete', 'table-column-delete')
    await eventually(async () => expect((await tables(editor))[0].map((row) => row.length)).toEqual([2, 2, 2, 2]))
    // 居中 centres the cell at the caret and 居右 the cells selected, for the colleague too.
    const aligns = (page: Page) => page.locator('.ProseMirror table td p').evaluateAll((ps) => ps.slice(0, 4).map((p) => getComputedStyle(p).textAlign))
    await owner.locator('.ProseMirror table td').nth(1).click()
    await tableCommand(owner, 'align', 'table-align-center')
    await owner.getByTestId('table-menu-align').click()
    expect(await owner.getByTestId('table-align-center').getAttribute('aria-checked')).toBe('true')
    await owner.keyboard.press('Escape')
    expect(await owner.getByTestId('table-align-center').count()).toBe(0)
    await owner.locator('.ProseMirror table td').nth(2).click()
    await owner.locator('.ProseMirror table td').nth(3).click({ modifiers: ['Shift'] })
    await tableCommand(owner, 'align', 'table-align-right')
    await eventually(async () => expect(await aligns(editor)).toEqual(['left', 'center', 'right', 'right']))
    // Dragging the border between the two columns widens the first by what the second gives up:
    // the table stays across the text area, for the colleague too. A commenter cannot drag it.
    const widths = (page: Page) => page.locator('.ProseMirror table.doc-table').evaluate((table: HTMLTableElement) =>
      [table.getBoundingClientRect().width, ...[...table.rows[0].cells].map((td) => td.getBoundingClientRect().width)].map(Math.round))
    const [tableWidth, first, second] = await widths(owner)
    expect(Math.abs(first - second)).toBeLessThanOrEqual(1)
    await owner.waitForTimeout(600) // past the undo manager's capture window: the drag is a step of its own
    const border = (await owner.locator('.ProseMirror table td').first().boundingBox())!
    const grab = async (page: Page, dx: number) => {
      await page.mouse.move(border.x + border.width - 2, border.y + border.height / 2)
      await page.mouse.down()
      await page.mouse.move(border.x + border.width - 2 + dx, border.y + border.height / 2, { steps: 4 })
      await page.mouse.up()
    }
    await commenter.waitForTimeout(300)
    await grab(commenter, -80)
    expect(await commenter.locator('.ProseMirror.column-resize-cursor').count()).toBe(0)
    await grab(owner, 80)
    await eventually(async () => expect(await widths(editor)).toEqual([tableWidth, first + 80, second - 80].map((w) => expect.closeTo(w, 0))))
    expect((await widths(commenter))[0]).toBe(tableWidth)
    await owner.keyboard.press('Control+z')
    await eventually(async () => expect(Math.abs((await widths(editor))[1] - first)).toBeLessThanOrEqual(1))
    await owner.keyboard.press('Control+y')
    await eventually(async () => expect(Math.abs((await widths(editor))[1] - first - 80)).toBeLessThanOrEqual(1))
    await owner.getByTestId('table-even-columns').click()
    await eventually(async () => expect(Math.abs((await widths(editor))[1] - first)).toBeLessThanOrEqual(1))
    // Copied as text, a row is a line with its cells apart by tabs (as the text export writes it).
    const copied = await owner.evaluate(() => {
      const editor = (document.querySelector('.ProseMirror') as any).editor
      let from = -1
      let to = -1
      editor.state.doc.forEach((node: any, pos: number) => {
        if (node.type.name === 'table' && from < 0) [from, to] = [pos + 1, pos + node.nodeSize - 1]
      })
      editor.commands.setTextSelection({ from, to })
      const data = new DataTransfer()
      editor.view.dom.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }))
      // A caret at the end of the last cell (table › row › cell › paragraph close three positions
      // before the table's end): a selection over every cell would take the paste below whole.
      editor.commands.setTextSelection(to - 3)
      return data.getData('text/plain')
    })
    expect(copied.split('\n').slice(0, 2)).toEqual(['指标\t2022年', '地区生产总值\t**亿元'])
    // A numbered draft pasted into a cell stays cell text: a cell holds no headings.
    const headingsBefore = await owner.locator('.ProseMirror .section-heading').count()
    await owner.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    await owner.evaluate(() => navigator.clipboard.writeText('一、新的一节\n正文。'))
    await owner.keyboard.press('Control+v')
    await eventually(async () => expect((await tables(owner))[0].at(-1)!.at(-1)).toContain('新的一节'))
    expect(await owner.locator('.ProseMirror .section-heading').count()).toBe(headingsBefore)
    await owner.screenshot({ path: '/tmp/editor-table.png' })
    await tableCommand(owner, 'delete', 'table-delete')
    await eventually(async () => expect(await tables(editor)).toEqual([]))
    await eventually(async () => expect(await unfilled()).toBe(before))
  })
})
