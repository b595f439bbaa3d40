import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { startTestServer, type TestServer } from '../helpers/server'
import { launchBrowser } from '../helpers/browser'
import { eventually } from '../helpers/retry'

/**
 * DESIGN.md's journey, steps 1–6 and 8, for three people at once in three browsers:
 * the leader (owner and signer) imports the real sample and shares it, the drafter (editor)
 * holds a section and fills every placeholder, the reviewer (commenter) comments without
 * being able to edit, the check refuses the submission until all is filled, the leader locks
 * the final version and signs it off, and the history shows each step.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const sample = readFileSync(path.resolve(repoRoot, '../shared/samples/county-stats-bureau-2022-summary.txt'), 'utf8')
const screenshots = path.resolve(repoRoot, 'test-results')

let server: TestServer
let browser: Browser
let leader: Page
let drafter: Page
let reviewer: Page
let docId: string

async function signIn(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`page error (${username}):`, error.message))
  await page.goto(`${server.url}/#/login`)
  await page.getByTestId('signin-username').fill(username)
  await page.getByTestId('signin-password').fill(`${username}-password`)
  await page.getByTestId('signin-submit').click()
  return page
}

async function openFromList(page: Page): Promise<void> {
  await page.locator(`[data-testid="document-row"][data-document-id="${docId}"] [data-testid="document-link"]`).click()
  await page.locator('.ProseMirror').waitFor()
}

const statusOf = (page: Page) => page.getByTestId('document-status').innerText()
const editable = (page: Page) => page.locator('.ProseMirror').getAttribute('contenteditable')

/** A value the placeholder's validation accepts, by its kind, pattern and unit. */
function valueFor(kind: string | null, pattern: string | null, unit: string | null): string {
  if (kind === 'text') return '某'
  if (pattern?.includes('.')) return '1.5'
  return unit === '%' ? '85' : '12'
}

describe('from import to signed, three people at once', () => {
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true })
    server = await startTestServer({ staticDir: path.resolve(repoRoot, 'dist/client') })
    for (const [username, displayName] of [['leader', '王局长'], ['drafter', '李文'], ['reviewer', '赵审']]) {
      const created = await server.api('POST', '/api/users', { token: server.adminToken, body: { username, displayName, password: `${username}-password` } })
      expect(created.status).toBe(201)
    }
    browser = await launchBrowser()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('imports the sample, shares it, and everyone sees the same numbered sections', async () => {
    leader = await signIn('leader')
    await leader.getByTestId('new-document').click()
    await leader.getByTestId('create-text').fill(sample)
    await leader.getByTestId('create-submit').click()
    await leader.getByTestId('import-report').waitFor()
    expect(await leader.getByTestId('import-corrections').locator('li').count()).toBeGreaterThan(0)
    await leader.getByTestId('open-created').click()
    await leader.locator('.ProseMirror').waitFor()
    docId = decodeURIComponent(/#\/documents\/([^/]+)/.exec(leader.url())![1])

    await leader.getByTestId('open-members').click()
    for (const [username, role] of [['drafter', 'editor'], ['reviewer', 'commenter']]) {
      await leader.getByTestId('add-member-username').fill(username)
      await leader.getByTestId('add-member-role').selectOption(role)
      await leader.getByTestId('add-member-submit').click()
      await leader.locator(`[data-testid="member-row"][data-username="${username}"]`).waitFor()
    }
    await leader.getByTestId('members-close').click()

    drafter = await signIn('drafter')
    await openFromList(drafter)
    reviewer = await signIn('reviewer')
    await openFromList(reviewer)
    for (const page of [leader, drafter, reviewer]) {
      // 四、 in the draft is numbered 三、 (the numbering gap corrected on import).
      await eventually(async () => expect(await page.locator('.ProseMirror .section-heading[data-level="1"]').count()).toBe(3))
      await eventually(async () => expect(await page.locator('.ProseMirror .placeholder.unfilled').count()).toBe(25))
    }
    expect(await editable(drafter)).toBe('true')
    expect(await editable(reviewer)).toBe('false')
    // A placeholder is never split across two lines (ProseMirror's own style would let it).
    expect(await leader.$$eval('.ProseMirror .placeholder.unfilled', (nodes) => [...new Set(nodes.map((node) => getComputedStyle(node).whiteSpace))])).toEqual(['nowrap'])
  })

  it('keeps the header and the side panel in view at the end of the long document', async () => {
    await drafter.locator('.outline-panel .outline-link').last().click()
    await eventually(async () => expect(await drafter.locator('.editor-column').evaluate((column) => column.scrollTop)).toBeGreaterThan(1000))
    expect(await drafter.evaluate(() => window.scrollY)).toBe(0)
    for (const testId of ['workflow-submit', 'connection-status', 'tab-check']) expect(await drafter.getByTestId(testId).isVisible()).toBe(true)
    const box = await drafter.getByTestId('workflow-submit').boundingBox()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y).toBeLessThan(200)
  })

  it('lets the leader assign the first section to the drafter, who sees it as theirs', async () => {
    const firstSection = await leader.locator('.outline-panel .outline-item').first().getAttribute('data-section-id')
    await leader.locator(`.outline-panel .outline-item[data-section-id="${firstSection}"] [data-testid="assign-select"]`).first().selectOption('drafter')
    await eventually(async () =>
      expect(await drafter.locator(`.outline-panel .outline-item[data-section-id="${firstSection}"] [data-testid="section-holder"]`).first().innerText()).toContain('李文'),
    )
    await drafter.getByTestId('outline-mine').check()
    await eventually(async () => expect(await drafter.locator('.outline-panel .outline-item').first().getAttribute('data-section-id')).toBe(firstSection))
    await drafter.getByTestId('outline-mine').uncheck()
  })

  it('lets the reviewer comment on a section, the drafter reply, and the reviewer resolve, live', async () => {
    await reviewer.getByTestId('tab-comments').click()
    await reviewer.locator('.ProseMirror .section-heading[data-level="1"]').nth(1).click()
    await reviewer.getByTestId('comment-input').fill('存在的问题一节请再具体些。')
    await reviewer.getByTestId('comment-submit').click()
    await eventually(async () => expect(await reviewer.getByTestId('comment-thread').count()).toBe(1))
    // The reviewer still cannot type into the text.
    await reviewer.locator('.ProseMirror .section-heading[data-level="1"]').nth(1).click()
    await reviewer.keyboard.type('不应出现')
    expect(await reviewer.locator('.ProseMirror').innerText()).not.toContain('不应出现')

    await drafter.getByTestId('tab-comments').click()
    await drafter.getByTestId('comments-all').check()
    await eventually(async () => expect(await drafter.getByTestId('comment-thread').count()).toBe(1))
    await drafter.getByTestId('reply-input').fill('已补充。')
    await drafter.getByTestId('reply-submit').click()
    await eventually(async () => expect(await reviewer.getByTestId('comment-body').allInnerTexts()).toEqual(['存在的问题一节请再具体些。', '已补充。']))
    await reviewer.getByTestId('thread-resolve').click()
    await eventually(async () => expect(await drafter.getByTestId('thread-resolve').innerText()).toBe('重新打开'))
  })

  it('refuses the submission while placeholders are unfilled, showing every one, then submits once all are filled', async () => {
    await drafter.getByTestId('workflow-submit').click()
    await eventually(async () => expect(await drafter.getByTestId('workflow-notice').innerText()).toContain('25'))
    await eventually(async () => expect(await drafter.getByTestId('tab-check').getAttribute('aria-selected')).toBe('true'))
    // The panel lists what the server's check lists: the numbering the import corrected too.
    const drafterToken = (await server.api('POST', '/api/login', { body: { username: 'drafter', password: 'drafter-password' } })).body.token
    const serverCheck = await server.api('GET', `/api/documents/${docId}/check`, { token: drafterToken })
    expect(await drafter.locator('.check-panel .problem-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')))).toEqual(
      serverCheck.body.problems.map((problem: { rule: string }) => problem.rule),
    )
    expect(await drafter.locator('.check-panel .problem-item[data-rule="numbering-gap"]').count()).toBe(2)
    expect(await statusOf(leader)).toBe('草稿')
    await drafter.screenshot({ path: path.join(screenshots, 'journey-check-panel.png') })

    const ids = await drafter.$$eval('.ProseMirror .placeholder.unfilled', (nodes) =>
      nodes.map((node) => ({ id: node.getAttribute('data-id'), kind: node.getAttribute('data-kind'), pattern: node.getAttribute('data-pattern'), unit: node.getAttribute('data-unit') })),
    )
    expect(ids).toHaveLength(25)
    for (const { id, kind, pattern, unit } of ids) {
      const placeholder = drafter.locator(`.ProseMirror .placeholder[data-id="${id}"]`)
      await placeholder.click()
      await placeholder.locator('.placeholder-input').fill(valueFor(kind, pattern, unit))
      await drafter.keyboard.press('Enter')
      await eventually(async () => expect(await placeholder.getAttribute('class')).toContain('filled'))
    }
    for (const page of [leader, reviewer]) {
      await eventually(async () => expect(await page.locator('.ProseMirror .placeholder.unfilled').count()).toBe(0))
    }

    await drafter.getByTestId('workflow-submit').click()
    for (const page of [leader, drafter, reviewer]) await eventually(async () => expect(await statusOf(page)).toBe('审核中'))
  })

  it('locks the final version for the leader to sign, read-only for everyone, then signed', async () => {
    await leader.getByTestId('workflow-lock').click()
    await leader.getByTestId('lock-dialog').waitFor()
    await leader.getByTestId('lock-dialog').locator('label', { hasText: '王局长' }).locator('input').check()
    await leader.getByTestId('lock-confirm').click()
    for (const page of [leader, drafter, reviewer]) {
      await eventually(async () => expect(await page.getByTestId('lock-banner-title').innerText()).toContain('已锁定定稿'))
      await eventually(async () => expect(await editable(page)).toBe('false'))
    }
    expect(await drafter.getByTestId('workflow-signoff').count()).toBe(0)
    await drafter.screenshot({ path: path.join(screenshots, 'journey-locked.png') })
    const leaderToken = (await server.api('POST', '/api/login', { body: { username: 'leader', password: 'leader-password' } })).body.token
    const lockedHash = (await server.api('GET', `/api/documents/${docId}`, { token: leaderToken })).body.hash
    expect(lockedHash).toMatch(/^[0-9a-f]{64}$/)

    // The leader's list says what waits for their sign-off; the drafter's does not.
    await leader.getByTestId('nav-documents').click()
    await leader.locator(`[data-testid="document-row"][data-document-id="${docId}"] [data-testid="awaiting-signoff"]`).waitFor()
    await drafter.getByTestId('nav-documents').click()
    await drafter.locator(`[data-testid="document-row"][data-document-id="${docId}"]`).waitFor()
    expect(await drafter.getByTestId('awaiting-signoff').count()).toBe(0)
    await openFromList(drafter)
    await openFromList(leader)
    await leader.getByTestId('workflow-signoff').click()
    await leader.getByTestId('signoff-opinion-input').fill('同意。')
    await leader.getByTestId('signoff-confirm').click()
    for (const page of [leader, drafter, reviewer]) await eventually(async () => expect(await statusOf(page)).toBe('已签发'))
    // Everyone sees what the leader wrote with the sign-off.
    await eventually(async () => expect(await drafter.getByTestId('signoff-opinion').innerText()).toBe('「同意。」'))
    await leader.screenshot({ path: path.join(screenshots, 'journey-signed.png') })

    const audit = await server.api('GET', `/api/documents/${docId}/audit`, { token: leaderToken })
    const signoff = audit.body.find((entry: { action: string }) => entry.action === 'signoff')
    expect(signoff).toMatchObject({ username: 'leader', hash: lockedHash, detail: { opinion: '同意。' } })
  })

  it('shows each step in the history and the audit log', async () => {
    await leader.getByTestId('open-history').click()
    await leader.getByTestId('history-dialog').waitFor()
    await eventually(async () => expect(await leader.getByTestId('version-row').count()).toBe(4))
    const kinds = await leader.getByTestId('version-row').allInnerTexts()
    expect(kinds[0]).toContain('签发')
    expect(kinds[1]).toContain('锁定定稿')
    expect(kinds[2]).toContain('提交审核')
    // The draft as it was imported, to compare with.
    expect(kinds[3]).toContain('初稿')
    await leader.getByTestId('history-close').click()
  })

  it('exports the signed version from the editor as a Word file and as text', async () => {
    const exportAs = async (format: string) => {
      await leader.getByTestId('open-export').click()
      const [download] = await Promise.all([leader.waitForEvent('download'), leader.getByTestId(`export-${format}`).click()])
      const file = path.join(screenshots, `journey-export.${format}`)
      await download.saveAs(file)
      return { name: download.suggestedFilename(), data: readFileSync(file) }
    }
    const title = await leader.getByTestId('document-title').innerText()
    // The menu closes with Escape, as dialogs do.
    await leader.getByTestId('open-export').click()
    await leader.getByTestId('export-docx').waitFor()
    await leader.keyboard.press('Escape')
    await eventually(async () => expect(await leader.getByTestId('export-docx').count()).toBe(0))
    const docx = await exportAs('docx')
    expect(docx.name).toBe(`${title}.docx`)
    expect(docx.data.subarray(0, 2).toString()).toBe('PK')
    const text = await exportAs('txt')
    expect(text.name).toBe(`${title}.txt`)
    expect(text.data.toString('utf8')).toContain('\n三、下步工作打算\n')

    // With a 版头, as the office prints it once it has given the 发文字号; asked again, it is remembered.
    await leader.getByTestId('open-export').click()
    await leader.getByTestId('export-letterhead').click()
    await leader.getByTestId('letterhead-issuer').fill('县统计局')
    await leader.getByTestId('letterhead-serial').fill('县统〔2022〕12号')
    await leader.getByTestId('letterhead-upward').check()
    const [download] = await Promise.all([leader.waitForEvent('download'), leader.getByTestId('letterhead-export').click()])
    const file = path.join(screenshots, 'journey-export-letterhead.docx')
    await download.saveAs(file)
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string')
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|')
    expect(texts.startsWith('县统计局|　县统〔2022〕12号|签发人：|王局长|')).toBe(true)
    // The 签发人 stand at a right tab stop one character in from the right edge.
    expect(xml).toMatch(/<w:tab w:val="right" w:pos="\d+"\/>/)
    expect(xml).toMatch(/<w:r>.*?<w:tab\/><w:t[^>]*>签发人：/)
    await leader.getByTestId('open-export').click()
    await leader.getByTestId('export-letterhead').click()
    await expect(leader.getByTestId('letterhead-serial').inputValue()).resolves.toBe('县统〔2022〕12号')
    await leader.keyboard.press('Escape')
  })
})
