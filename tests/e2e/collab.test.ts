import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startServer } from '../../server/app'
import { launchBrowser } from '../helpers/browser'
import { apiCall } from '../helpers/api'
import { eventually } from '../helpers/retry'

const draft = ['县统计局2022年工作总结', '今年以来，我局认真贯彻落实上级各项决策部署。', '下一步，我局将继续做好统计工作。'].join('\n')

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let dataDir: string
let docId: string

function call<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  return apiCall<T>(server.url, method, url, token, body)
}

async function login(username: string, password: string): Promise<string> {
  return (await call<{ token: string }>('POST', '/api/login', null, { username, password })).token
}

/** Signs in through the sign-in page and opens the shared document. */
async function openAs(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/#/login`)
  await page.getByTestId('signin-username').fill(username)
  await page.getByTestId('signin-password').fill(`${username}-pw`)
  await page.getByTestId('signin-submit').click()
  await page.getByTestId('document-list').waitFor()
  await page.locator(`[data-testid="document-row"][data-document-id="${docId}"] a`).click()
  await page.locator('.ProseMirror').waitFor()
  await page.getByText('县统计局2022年工作总结').first().waitFor()
  return page
}

const editorText = (page: Page) => page.locator('.ProseMirror').innerText()

describe('two officials editing one draft in the browser', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hegao-e2e-collab-'))
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword: 'admin-pass' })
    const admin = await login('admin', 'admin-pass')
    for (const [username, displayName] of [['liwei', '李伟'], ['wangfang', '王芳'], ['zhaogang', '赵刚']]) {
      await call('POST', '/api/users', admin, { username, displayName, password: `${username}-pw` })
    }
    const owner = await login('liwei', 'liwei-pw')
    docId = (await call<{ id: string }>('POST', '/api/documents', owner, { title: '县统计局2022年工作总结', text: draft })).id
    await call('PUT', `/api/documents/${docId}/members/wangfang`, owner, { role: 'editor' })
    await call('PUT', `/api/documents/${docId}/members/zhaogang`, owner, { role: 'viewer' })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows both typists each other’s text and named caret, and keeps a viewer from typing', async () => {
    const owner = await openAs('liwei')
    const editor = await openAs('wangfang')
    for (const page of [owner, editor]) {
      await eventually(async () => expect(await page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true'))
      await eventually(async () => expect(await page.getByTestId('connection-status').getAttribute('data-status')).toBe('connected'))
    }

    // Each puts the caret at the end of a different paragraph, then both type at once.
    await owner.locator('.ProseMirror p').first().click()
    await owner.keyboard.press('End')
    await editor.locator('.ProseMirror p').last().click()
    await editor.keyboard.press('End')
    await Promise.all([owner.keyboard.type('李伟补充的内容', { delay: 15 }), editor.keyboard.type('王芳补充的内容', { delay: 15 })])

    for (const page of [owner, editor]) {
      await eventually(async () => {
        const text = await editorText(page)
        expect(text).toContain('部署。李伟补充的内容')
        expect(text).toContain('统计工作。王芳补充的内容')
      })
    }
    await eventually(async () => expect(await owner.locator('.collaboration-carets__label').allInnerTexts()).toContain('王芳'))
    await eventually(async () => expect(await editor.locator('.collaboration-carets__label').allInnerTexts()).toContain('李伟'))
    await eventually(async () => expect(await owner.getByTestId('presence-chip').allInnerTexts()).toEqual(['李伟（我）', '王芳']))
    // A caret that moves without typing is followed too.
    await editor.locator('.ProseMirror p').nth(1).click()
    await eventually(async () => expect(await owner.locator('.ProseMirror p').nth(1).locator('.collaboration-carets__label').allInnerTexts()).toContain('王芳'))

    const viewer = await openAs('zhaogang')
    await expect(viewer.getByTestId('readonly-banner').innerText()).resolves.toBe('只读：您的角色是查看者')
    expect(await viewer.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false')
    const before = await editorText(viewer)
    await viewer.locator('.ProseMirror p').first().click()
    await viewer.keyboard.type('赵刚不该写入')
    expect(await editorText(viewer)).toBe(before)
    // The viewer is present (awareness stays open), yet nothing of theirs reached the others.
    await eventually(async () => expect(await owner.getByTestId('presence-chip').allInnerTexts()).toContain('赵刚'))
    expect(await editorText(owner)).not.toContain('赵刚不该写入')

    await owner.screenshot({ path: '/tmp/client-shot.png' })
  })

  it('marks text typed while offline as unsent and delivers it when the network returns', async () => {
    const owner = await openAs('liwei')
    const editor = await openAs('wangfang')
    await eventually(async () => expect(await owner.getByTestId('connection-status').getAttribute('data-status')).toBe('connected'))

    await owner.context().setOffline(true)
    await eventually(async () => expect(await owner.getByTestId('connection-status').innerText()).toBe('离线'))
    await owner.locator('.ProseMirror p').first().click()
    await owner.keyboard.press('End')
    await owner.keyboard.type('离线时写的一句')
    await eventually(async () => expect(await owner.getByTestId('connection-status').innerText()).toBe('有未发送的更改'))
    expect(await editorText(editor)).not.toContain('离线时写的一句')

    await owner.context().setOffline(false)
    await eventually(async () => expect(await owner.getByTestId('connection-status').innerText()).toBe('已连接'))
    await eventually(async () => expect(await editorText(editor)).toContain('离线时写的一句'))
  })

  it('keeps a selection the browser moved but the editor has not read yet when a co-editor’s caret or text arrives', async () => {
    // Only these two windows, so that the co-editor's caret appearing is this window's.
    await Promise.all(browser.contexts().map((context) => context.close()))
    const owner = await openAs('liwei')
    const editor = await openAs('wangfang')
    for (const page of [owner, editor]) {
      await eventually(async () => expect(await page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true'))
      await eventually(async () => expect(await page.getByTestId('connection-status').getAttribute('data-status')).toBe('connected'))
    }
    await eventually(async () => expect(await owner.getByTestId('presence-chip').allInnerTexts()).toEqual(['李伟（我）', '王芳']))
    // ProseMirror reads a native selection move on the `selectionchange` event, a task of its own.
    // The browser's events are held back here, so the co-editor's caret or text is certain to
    // arrive first, as it sometimes does while people type.
    await owner.evaluate(() => {
      const held = (event: Event) => event.isTrusted && (window as any).holdSelectionChange && event.stopImmediatePropagation()
      document.addEventListener('selectionchange', held, true)
    })
    const selected = () => owner.evaluate(() => {
      const { state } = (document.querySelector('.ProseMirror') as any).editor
      return { page: String(window.getSelection()), editor: state.doc.textBetween(state.selection.from, state.selection.to) }
    })
    const selectThreeCharactersBack = async () => {
      // The caret right after 决策部署, set through the editor, then three characters selected.
      await owner.evaluate(() => {
        const tiptap = (document.querySelector('.ProseMirror') as any).editor
        let caret = -1
        tiptap.state.doc.descendants((node: any, pos: number) => {
          if (caret < 0 && node.isText && node.text.includes('决策部署')) caret = pos + node.text.indexOf('决策部署') + 4
        })
        // view.focus() at once: Tiptap's focus command focuses in the next frame, writing the
        // caret into the page again, maybe after the first key.
        tiptap.commands.setTextSelection(caret)
        tiptap.view.focus()
        ;(window as any).holdSelectionChange = true
      })
      for (let i = 0; i < 3; i++) await owner.keyboard.press('Shift+ArrowLeft')
      expect((await selected()).page).toBe('策部署')
    }

    // Only the co-editor's caret moves: the owner's editor redraws it.
    await selectThreeCharactersBack()
    await editor.locator('.ProseMirror p').last().click()
    await eventually(async () => expect(await owner.locator('.ProseMirror p').last().locator('.collaboration-carets__label').allInnerTexts()).toContain('王芳'))
    expect(await selected()).toEqual({ page: '策部署', editor: '策部署' })

    // The co-editor types.
    await selectThreeCharactersBack()
    await editor.keyboard.press('End')
    await editor.keyboard.type('王芳同时补充')
    await eventually(async () => expect(await editorText(owner)).toContain('王芳同时补充'))
    expect(await selected()).toEqual({ page: '策部署', editor: '策部署' })
  })
})
