import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { eventually } from '../helpers/retry'
import { repoRoot, spawnServer, type ServerProcess } from './lib/serverProcess'
import { appendParagraph, yClient } from './lib/clients'

// The real editor (built client, `npx vite build`) against the real server process.
let server: ServerProcess
let browser: Browser
let documentId: string
let ownerToken: string
const HOSTILE = '<img src=x onerror="window.__pwned=1">《关于<script>window.__pwned=2</script>的通知》'

beforeAll(async () => {
  server = await spawnServer({ env: { HEGAO_STATIC_DIR: path.join(repoRoot, 'dist/client') } })
  ownerToken = await server.user('browser-owner', '<b>刘</b>')
  documentId = await server.createDocument(ownerToken, { title: HOSTILE })
  browser = await launchBrowser()
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function openEditor(): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(`${server.url}/#/login`)
  await page.getByTestId('signin-username').fill('browser-owner')
  await page.getByTestId('signin-password').fill('browser-owner-password')
  await page.getByTestId('signin-submit').click()
  await page.getByTestId('document-list').waitFor()
  await page.locator(`[data-testid="document-row"][data-document-id="${documentId}"] a`).click()
  await page.locator('.ProseMirror').waitFor()
  return page
}

const status = (page: Page) => page.getByTestId('connection-status').getAttribute('data-status')

describe('the editor in the browser', () => {
  it('shows titles and names with HTML or script as plain text', async () => {
    const page = await openEditor()
    try {
      // In the editor: the title heading and the presence chip carry the raw text.
      await eventually(async () => expect(await page.getByTestId('document-title').innerText()).toBe(HOSTILE))
      await eventually(async () => expect(await page.getByTestId('presence').innerText()).toContain('<b>刘</b>'))
      expect(await page.locator('[data-testid="presence"] b').count()).toBe(0)
      await page.goto(`${server.url}/#/`)
      await page.getByTestId('document-list').waitFor()
      await expect(page.getByTestId('document-list').innerText()).resolves.toContain('<img src=x onerror=')
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
      expect(await page.locator('[data-testid="document-list"] img').count()).toBe(0)
    } finally {
      await page.close()
    }
  })

  it('shows 服务器正在重启 on SIGTERM, comes back by itself and keeps what was typed meanwhile', async () => {
    const page = await openEditor()
    try {
      await eventually(async () => expect(await status(page)).toBe('connected'))
      await page.locator('.ProseMirror').click()
      await page.keyboard.press('End')
      await page.keyboard.type('重启之前')
      await eventually(async () => expect(await status(page)).toBe('connected'))
      await server.kill('SIGTERM')
      await eventually(async () => expect(await status(page)).toBe('restarting'))
      await expect(page.getByTestId('connection-status').innerText()).resolves.toContain('服务器正在重启')
      await page.keyboard.type('重启期间')
      await server.restart()
      await eventually(async () => expect(await status(page)).toBe('connected'), { timeout: 20_000 })
      // A reload right after: what was typed is on the server, nothing held back in the page.
      await page.reload()
      await page.locator('.ProseMirror').waitFor()
      await eventually(async () => expect(await page.locator('.ProseMirror').innerText()).toContain('重启之前重启期间'))
    } finally {
      await page.close()
    }
  }, 60_000)

  it('keeps typing while the network is gone and merges both sides when it returns', async () => {
    const page = await openEditor()
    const colleague = yClient(server.wsUrl, documentId, ownerToken)
    // The page's WebSockets go through this route; while offline, every attempt is cut at once.
    let offline = false
    const open: { close(): Promise<void> }[] = []
    await page.routeWebSocket(/\/collab\//, (socket) => {
      if (offline) {
        void socket.close({ code: 1001, reason: 'offline' })
        return
      }
      socket.connectToServer()
      open.push(socket)
    })
    try {
      // Reconnect once so the page's connection is the routed one.
      await page.reload()
      await page.locator('.ProseMirror').waitFor()
      await eventually(async () => expect(await status(page)).toBe('connected'))
      offline = true
      await Promise.all(open.splice(0).map((socket) => socket.close()))
      await eventually(async () => expect(await status(page)).not.toBe('connected'))
      await page.locator('.ProseMirror p').last().click()
      await page.keyboard.press('End')
      await page.keyboard.type('离线时写的')
      appendParagraph(colleague.doc, '同事在线时写的')
      // A while offline, with reconnection attempts refused.
      await new Promise((resolve) => setTimeout(resolve, 3_000))
      expect(await page.locator('.ProseMirror').innerText()).not.toContain('同事在线时写的')
      offline = false
      await eventually(async () => expect(await status(page)).toBe('connected'), { timeout: 20_000 })
      await eventually(async () => expect(await page.locator('.ProseMirror').innerText()).toContain('同事在线时写的'))
      await eventually(() => expect(colleague.paragraphs().join('\n')).toContain('离线时写的'))
      const stored = await server.api('GET', `/api/documents/${documentId}/export?format=txt`, { token: ownerToken })
      expect(stored.body).toContain('离线时写的')
      expect(stored.body).toContain('同事在线时写的')
    } finally {
      colleague.destroy()
      await page.close()
    }
  }, 60_000)
})
