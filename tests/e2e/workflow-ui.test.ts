import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { appendParagraph, startTestServer, type TestClient, type TestServer } from '../helpers/server'
import { ClientPool, synced } from '../helpers/clientPool'
import { documentWithMembers } from '../helpers/members'
import { placeholders } from '../helpers/yxml'
import { launchBrowser } from '../helpers/browser'
import { eventually } from '../helpers/retry'

/**
 * The review workflow, history and audit in real browsers on the real server: submit refused by
 * the check, submit, lock with a signer, sign-off, unlock with a reason, versions, compare, restore.
 * Every other open page must follow live, without a reload.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const DRAFT = '季度工作通知\n\n一、基本情况\n开展学习**次，参加*人。\n二、下一步打算\n继续做好统计工作。'
const ADDED = '新增的一段补充说明文字'

let server: TestServer
let browser: Browser
let docId: string
let ownerToken: string
let editorToken: string
let owner: Page
let editor: Page
let signer: Page
const yClients = new ClientPool(() => server)

async function openAs(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  await page.goto(`${server.url}/#/login`)
  await page.getByTestId('signin-username').fill(username)
  await page.getByTestId('signin-password').fill(`${username}-password`)
  await page.getByTestId('signin-submit').click()
  await page.getByTestId('document-list').waitFor()
  await page.goto(`${server.url}/#/documents/${docId}`)
  await page.locator('.ProseMirror').waitFor()
  await page.getByTestId('document-status').waitFor()
  return page
}

const status = async (): Promise<string> => (await server.api('GET', `/api/documents/${docId}`, { token: ownerToken })).body.status
const editable = (page: Page) => page.locator('.ProseMirror').getAttribute('contenteditable')

async function connected(token: string): Promise<TestClient> {
  const client = yClients.connect(docId, token)
  await synced(client)
  return client
}

describe('the review workflow, history and audit in the editor', () => {
  beforeAll(async () => {
    server = await startTestServer({ staticDir: path.resolve(repoRoot, 'dist/client') })
    ownerToken = await server.user('owner')
    editorToken = await server.user('editor')
    await server.user('signer')
    docId = await documentWithMembers(server, ownerToken, { text: DRAFT }, { editor: 'editor', signer: 'viewer' })
    browser = await launchBrowser()
    owner = await openAs('owner')
    editor = await openAs('editor')
  })

  afterAll(async () => {
    yClients.closeAll()
    await browser?.close()
    await server?.close()
  })

  it("refuses an editor's 提交审核 while placeholders are unfilled, says what is left, and the document stays a draft", async () => {
    const check = (await server.api('GET', `/api/documents/${docId}/check`, { token: editorToken })).body
    expect(check.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([])
    expect(check.unfilled.length).toBe(2)
    await editor.getByTestId('workflow-submit').click()
    await expect(editor.getByTestId('workflow-notice').innerText()).resolves.toContain('还有 2 处未填写，请先处理后再提交')
    expect(await status()).toBe('draft')
    await expect(editor.getByTestId('document-status').innerText()).resolves.toBe('草稿')
    // The page asked the side panel to show the check and mark the unfilled placeholders.
    await eventually(async () => expect(await editor.getByTestId('tab-check').getAttribute('aria-selected')).toBe('true'))
    await expect(editor.getByTestId('editor-paper').getAttribute('class')).resolves.toContain('check-highlight')
    // Only owners lock; an editor in draft has nothing else to press.
    expect(await editor.getByTestId('workflow-lock').count()).toBe(0)
  })

  it("submits once the placeholders are filled, and the owner's open page shows 审核中 without a reload", async () => {
    expect((await server.api('POST', `/api/documents/${docId}/versions`, { token: ownerToken, body: { name: '填写前' } })).status).toBe(201)
    const client = await connected(editorToken)
    client.doc.transact(() => {
      for (const element of placeholders(client.doc.getXmlFragment('default'))) element.setAttribute('value', '3')
    })
    await eventually(async () => expect((await server.api('GET', `/api/documents/${docId}/check`, { token: editorToken })).body.ready).toBe(true))
    // The refusal's 「还有 2 处未填写」 goes once the check it showed passes.
    await eventually(async () => expect(await editor.getByTestId('workflow-notice').count()).toBe(0))
    await editor.getByTestId('workflow-submit').click()
    await eventually(async () => expect(await status()).toBe('review'))
    await eventually(async () => expect(await owner.getByTestId('document-status').innerText()).toBe('审核中'))
    await owner.getByTestId('workflow-lock').waitFor()
    // The editor's stale notice about unfilled placeholders went away with the draft status.
    expect(await editor.getByTestId('workflow-notice').count()).toBe(0)
    expect(await editor.getByTestId('workflow-submit').count()).toBe(0)
    expect(await editor.getByTestId('workflow-reopen').count()).toBe(0)

    // The owner sends it back; the editor's page offers 提交审核 again, live, and it goes through.
    await owner.getByTestId('workflow-reopen').click()
    await eventually(async () => expect(await editor.getByTestId('document-status').innerText()).toBe('草稿'))
    await editor.getByTestId('workflow-submit').click()
    await eventually(async () => expect(await owner.getByTestId('document-status').innerText()).toBe('审核中'))
  })

  it('locks with a named signer: the other open editor turns read-only and shows the lock banner, also one that was offline and typed meanwhile', async () => {
    signer = await openAs('signer')
    // The signer's page is offline while the lock happens (and while the owner posts a comment): it
    // hears of neither until the network returns.
    await signer.context().setOffline(true)
    // So is a second page of the editor, whose user types on, not knowing of the lock.
    const late = await openAs('editor')
    await late.context().setOffline(true)
    await eventually(async () => expect(await late.getByTestId('connection-status').innerText()).toBe('离线'))
    await late.locator('.ProseMirror p').last().click()
    await late.keyboard.press('End')
    await late.keyboard.type('断线时写的')
    await owner.getByTestId('workflow-lock').click()
    await owner.getByTestId('lock-confirm').click()
    await expect(owner.getByTestId('lock-error').innerText()).resolves.toBe('请至少选择一位签发人')
    expect(await status()).toBe('review')
    await owner.locator('[data-testid="lock-signer"][data-username="signer"]').check()
    await owner.getByTestId('lock-dialog').screenshot({ path: '/tmp/ui-workflow-lock-dialog.png' })
    await owner.getByTestId('lock-confirm').click()

    await eventually(async () => expect(await editor.getByTestId('lock-banner-title').innerText()).toBe('已锁定定稿，等待签发'))
    await eventually(async () => expect(await editable(editor)).toBe('false'))
    const hash = (await server.api('GET', `/api/documents/${docId}`, { token: ownerToken })).body.hash as string
    await expect(editor.getByTestId('lock-hash').innerText()).resolves.toBe(hash.slice(0, 12))
    await expect(editor.locator('[data-testid="lock-signer-state"][data-username="signer"]').innerText()).resolves.toContain('未签发')
    await editor.getByTestId('lock-banner').screenshot({ path: '/tmp/ui-workflow-lock-banner.png' })
    await editor.screenshot({ path: '/tmp/ui-workflow-locked-page.png' })
    // Only the named signer is offered 签发.
    expect(await editor.getByTestId('workflow-signoff').count()).toBe(0)
    expect(await owner.getByTestId('workflow-signoff').count()).toBe(0)

    // Back online, the page that typed is told its changes were not kept and shows the locked text;
    // the signer's page shows the lock it missed.
    const sectionId = (await server.api('GET', `/api/documents/${docId}/outline`, { token: ownerToken })).body.sections[0].id as string
    expect((await server.api('POST', `/api/documents/${docId}/comments`, { token: ownerToken, body: { sectionId, body: '请签发' } })).status).toBe(201)
    await late.context().setOffline(false)
    await signer.context().setOffline(false)
    await eventually(async () => expect(await late.getByTestId('changes-refused').innerText()).toContain('修改未能保存'))
    await eventually(async () => expect(await editable(late)).toBe('false'))
    await eventually(async () => expect(await late.getByTestId('lock-banner-title').innerText()).toBe('已锁定定稿，等待签发'))
    expect(await late.locator('.ProseMirror').innerText()).not.toContain('断线时写的')
    expect(await late.getByTestId('lock-hash').innerText()).toBe(hash.slice(0, 12))
    await late.screenshot({ path: '/tmp/ui-workflow-refused.png' })
    await late.context().close()
    await eventually(async () => expect(await signer.getByTestId('lock-banner-title').innerText()).toBe('已锁定定稿，等待签发'))
    await signer.getByTestId('tab-comments').click()
    await signer.getByTestId('comments-all').check()
    await eventually(async () => expect(await signer.getByTestId('comments-panel').innerText()).toContain('请签发'))
  })

  it('lets the signer sign off the shown hash, and everyone sees 已签发', async () => {
    const hash = (await server.api('GET', `/api/documents/${docId}`, { token: ownerToken })).body.hash as string
    await signer.getByTestId('workflow-signoff').click()
    await expect(signer.getByTestId('signoff-hash').innerText()).resolves.toBe(hash.slice(0, 12))
    await signer.getByTestId('signoff-confirm').click()
    await eventually(async () => expect(await status()).toBe('signed'))
    for (const page of [owner, editor, signer]) {
      await eventually(async () => expect(await page.getByTestId('lock-banner-title').innerText()).toBe('已签发'))
      await expect(page.locator('[data-testid="lock-signer-state"][data-username="signer"]').getAttribute('data-signed')).resolves.toBe('true')
    }
    expect(await signer.getByTestId('workflow-signoff').count()).toBe(0)
    await owner.getByTestId('lock-banner').screenshot({ path: '/tmp/ui-workflow-signed-banner.png' })
  })

  it('refuses to unlock without a reason, then unlocks for everyone with one', async () => {
    await owner.getByTestId('workflow-unlock').click()
    await expect(owner.getByTestId('unlock-dialog').innerText()).resolves.toContain('作废')
    await owner.getByTestId('unlock-confirm').click()
    await expect(owner.getByTestId('unlock-error').innerText()).resolves.toBe('请填写解除锁定的原因')
    expect(await status()).toBe('signed')
    await owner.getByTestId('unlock-reason').fill('数据需要更正')
    await owner.getByTestId('unlock-confirm').click()
    await eventually(async () => expect(await status()).toBe('draft'))
    await eventually(async () => expect(await editor.getByTestId('document-status').innerText()).toBe('草稿'))
    expect(await editor.getByTestId('lock-banner').count()).toBe(0)
    await eventually(async () => expect(await editable(editor)).toBe('true'))
  })

  it('shows the audit trail oldest first with Chinese actions, signers and the unlock reason, and follows new entries live', async () => {
    await owner.getByTestId('open-audit').click()
    await eventually(async () => {
      const actions = await owner.getByTestId('audit-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')))
      expect(actions).toEqual(['create', 'member', 'member', 'version', 'submit', 'reopen', 'submit', 'lock', 'signoff', 'unlock'])
    })
    const rows = await owner.getByTestId('audit-row').allInnerTexts()
    expect(rows[4]).toContain('提交审核')
    expect(rows[5]).toContain('重新打开')
    expect(rows[7]).toContain('签发人：signer')
    expect(rows[9]).toContain('原因：数据需要更正')
    // Another member's named version shows up in the open dialog without a reload.
    expect((await server.api('POST', `/api/documents/${docId}/versions`, { token: editorToken, body: { name: '更正前' } })).status).toBe(201)
    await eventually(async () => expect(await owner.getByTestId('audit-row').count()).toBe(11))
    await expect(owner.getByTestId('audit-row').last().innerText()).resolves.toContain('保存版本')
    await owner.getByTestId('audit-close').click()
  })

  it('lists the automatic versions, compares one with the current text, and a restore reaches the open editor', async () => {
    // The latest submission: the content every later version kept until the edit below.
    const submittedRow = () => owner.locator('[data-testid="version-row"][data-kind="submit"]').first()
    await owner.getByTestId('open-history').click()
    await eventually(async () => {
      const kinds = await owner.getByTestId('version-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')))
      expect(kinds).toEqual(['named', 'unlock', 'signoff', 'lock', 'submit', 'submit', 'named', 'create'])
    })
    await expect(owner.getByTestId('version-row').first().innerText()).resolves.toContain('更正前')

    // Viewing a version shows its text read-only, not an editor.
    await submittedRow().getByTestId('version-view').click()
    await eventually(async () => expect(await owner.getByTestId('version-content').innerText()).toContain('一、基本情况'))
    expect(await owner.getByTestId('history-dialog').locator('[contenteditable]').count()).toBe(0)

    // The editor adds a paragraph; comparing the submitted version with 当前 shows it inserted.
    const client = await connected(editorToken)
    appendParagraph(client.doc, ADDED)
    await eventually(async () => expect(await editor.locator('.ProseMirror').innerText()).toContain(ADDED))
    await submittedRow().getByTestId('version-compare').click()
    await eventually(async () => expect(await owner.getByTestId('diff-insert').allInnerTexts()).toContainEqual(expect.stringContaining(ADDED)))
    await expect(owner.getByTestId('compare-summary').innerText()).resolves.toContain('有变化')
    await owner.getByTestId('history-dialog').screenshot({ path: '/tmp/ui-workflow-compare.png' })

    // Between the version saved before filling and the submitted one, the placeholder values changed.
    const before = await owner.locator('[data-testid="version-row"][data-kind="named"]').last().getAttribute('data-version-id')
    const submitted = await submittedRow().getAttribute('data-version-id')
    await owner.getByTestId('compare-from').selectOption(before!)
    await owner.getByTestId('compare-to').selectOption(submitted!)
    await eventually(async () => expect(await owner.getByTestId('diff-placeholders').innerText()).toContain('（未填写） → 3'))
    await owner.getByTestId('history-dialog').screenshot({ path: '/tmp/ui-workflow-compare-placeholders.png' })

    // Restoring the submitted version takes the paragraph out of every open editor.
    await submittedRow().getByTestId('version-restore').click()
    await owner.getByTestId('restore-confirm-button').click()
    await eventually(async () => expect(await editor.locator('.ProseMirror').innerText()).not.toContain(ADDED))
    await expect(editor.locator('.ProseMirror').innerText()).resolves.toContain('继续做好统计工作')
    await eventually(async () => expect(await owner.getByTestId('version-row').first().getAttribute('data-kind')).toBe('restore'))
    // The text with the paragraph, which no version held, was kept before the restore.
    expect(await owner.getByTestId('version-row').nth(1).innerText()).toContain('恢复前的内容')
    // A reader sees the history but is offered no restore.
    await signer.getByTestId('open-history').click()
    await eventually(async () => expect(await signer.getByTestId('version-row').count()).toBe(10))
    expect(await signer.getByTestId('version-restore').count()).toBe(0)
  })
})
