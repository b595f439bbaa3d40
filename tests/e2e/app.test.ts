import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { startServer } from '../../server/app'
import { launchBrowser } from '../helpers/browser'
import { eventually } from '../helpers/retry'
import { apiCall } from '../helpers/api'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const sample = readFileSync(path.resolve(repoRoot, '../shared/samples/county-stats-bureau-2022-summary.txt'), 'utf8')
const sampleTitle = sample.split('\n').map((line) => line.trim()).find(Boolean)!

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let dataDir: string

async function signIn(username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/#/login`)
  await page.getByTestId('signin-username').fill(username)
  await page.getByTestId('signin-password').fill(password)
  await page.getByTestId('signin-submit').click()
  return page
}

describe('the app from sign-in to a shared document', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hegao-e2e-app-'))
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword: 'admin-pass' })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('tells the user in Chinese that the password is wrong and stays on the sign-in page', async () => {
    const page = await signIn('admin', 'not-the-password')
    await expect(page.getByTestId('signin-error').innerText()).resolves.toBe('用户名或密码错误')
    expect(await page.getByTestId('signin-form').isVisible()).toBe(true)
    await page.context().close()
  })

  it('says in Chinese what a form still needs, whatever the browser\'s language', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${server.url}/#/login`)
    await page.getByTestId('signin-password').fill('whatever')
    await page.getByTestId('signin-submit').click()
    const username = page.getByTestId('signin-username')
    await eventually(async () => expect(await username.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('请填写此项'))
    // Typing takes the message back, so the browser checks the field afresh.
    await username.fill('admin')
    expect(await username.evaluate((el: HTMLInputElement) => [el.validationMessage, el.checkValidity()])).toEqual(['', true])
    await context.close()
  })

  it('offers the draft file in Chinese whatever the browser\'s language, and lets go of a chosen one', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${server.url}/#/login`)
    await page.getByTestId('signin-username').fill('admin')
    await page.getByTestId('signin-password').fill('admin-pass')
    await page.getByTestId('signin-submit').click()
    await page.getByTestId('new-document').click()
    const picker = page.locator('.file-picker')
    expect(await picker.innerText()).toBe('选择文件\n未选择文件')
    await page.getByTestId('create-file').setInputFiles({ name: '县统计局总结.txt', mimeType: 'text/plain', buffer: Buffer.from(sample) })
    expect(await page.getByTestId('create-file-name').innerText()).toBe('县统计局总结.txt')
    expect(await page.getByTestId('create-text').isDisabled()).toBe(true)
    await page.getByTestId('create-file-clear').click()
    expect(await page.getByTestId('create-file-name').innerText()).toBe('未选择文件')
    expect(await page.getByTestId('create-text').isDisabled()).toBe(false)
    await context.close()
  })

  it('creates from a file chosen after the empty form was refused, at the first click on 创建', async () => {
    const page = await signIn('admin', 'admin-pass')
    await page.getByTestId('new-document').click()
    const title = page.getByTestId('create-title')
    await page.getByTestId('create-submit').click()
    await eventually(async () => expect(await title.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('请填写此项'))
    await page.getByTestId('create-file').setInputFiles({ name: '县统计局总结.txt', mimeType: 'text/plain', buffer: Buffer.from(sample) })
    // The title is optional now: the refusal of the empty form no longer holds.
    await expect(page.locator('label.field', { has: title }).innerText()).resolves.toContain('可不填')
    expect(await title.evaluate((el: HTMLInputElement) => [el.validationMessage, el.checkValidity()])).toEqual(['', true])
    await page.getByTestId('create-submit').click()
    await page.getByTestId('import-report').waitFor({ timeout: 5000 })
    await page.context().close()
  })

  it('says why a template needs a title, and keeps the form open without one', async () => {
    const page = await signIn('admin', 'admin-pass')
    await page.getByTestId('new-document').click()
    const title = page.getByTestId('create-title')
    await page.getByTestId('create-template').selectOption('notice')
    await expect(page.locator('label.field', { has: title }).innerText()).resolves.toContain('从模板创建时必填')
    await page.getByTestId('create-submit').click()
    await eventually(async () => expect(await title.evaluate((el: HTMLInputElement) => el.validationMessage)).toBe('请填写此项'))
    expect(await page.getByTestId('create-document-form').count()).toBe(1)
    await page.context().close()
  })

  it('lets an administrator create accounts, and keeps the admin page from other users', async () => {
    const admin = await signIn('admin', 'admin-pass')
    await admin.getByTestId('nav-admin').click()
    for (const [username, displayName] of [['drafter', '起草人'], ['reviewer', '审核人']]) {
      await admin.getByTestId('new-username').fill(username)
      await admin.getByTestId('new-display-name').fill(displayName)
      await admin.getByTestId('new-password').fill(`${username}-pw`)
      await admin.getByTestId('create-user-submit').click()
      await eventually(async () => expect(await admin.getByTestId('user-row').allInnerTexts()).toContainEqual(expect.stringContaining(displayName)))
    }
    await admin.context().close()

    const drafter = await signIn('drafter', 'drafter-pw')
    await drafter.getByTestId('documents-empty').waitFor()
    expect(await drafter.getByTestId('nav-admin').count()).toBe(0)
    await drafter.goto(`${server.url}/#/admin/users`)
    await drafter.getByText('仅管理员可访问此页面。').waitFor()
    await drafter.context().close()
  })

  it('imports a pasted draft, shows the import report, and shares it with a commenter who cannot edit', async () => {
    const drafter = await signIn('drafter', 'drafter-pw')
    await drafter.getByTestId('new-document').click()
    await drafter.getByTestId('create-text').fill(sample)
    await drafter.getByTestId('create-submit').click()
    await drafter.getByTestId('import-report').waitFor()
    // The sample jumps from 二、 to 四、: the report must say what it corrected.
    expect(await drafter.getByTestId('import-corrections').locator('li').count()).toBeGreaterThan(0)
    expect(await drafter.getByTestId('import-summary').innerText()).not.toBe('')
    // The list behind the report has it already; going back to the list keeps it there.
    await drafter.getByTestId('close-created').click()
    await drafter.getByTestId('document-row').filter({ hasText: sampleTitle }).getByTestId('document-link').click()
    await drafter.locator('.ProseMirror').waitFor()
    await expect(drafter.getByTestId('document-title').innerText()).resolves.toBe(sampleTitle)
    await expect(drafter.getByTestId('document-status').innerText()).resolves.toBe('草稿')
    await expect(drafter.getByTestId('document-role').innerText()).resolves.toBe('所有者')
    await eventually(async () => expect(await drafter.locator('.ProseMirror').innerText()).toContain('开展集中学习'))
    expect(await drafter.getByTestId('readonly-banner').count()).toBe(0)

    await drafter.getByTestId('open-members').click()
    await drafter.getByTestId('add-member-username').fill('reviewer')
    await drafter.getByTestId('add-member-role').selectOption('commenter')
    await drafter.getByTestId('add-member-submit').click()
    await drafter.locator('[data-testid="member-row"][data-username="reviewer"]').waitFor()
    // Escape closes it, as it closes the app's other dialogs.
    await drafter.keyboard.press('Escape')
    await eventually(async () => expect(await drafter.getByTestId('members-dialog').count()).toBe(0))

    const reviewer = await signIn('reviewer', 'reviewer-pw')
    const row = reviewer.getByTestId('document-row')
    await expect(row.innerText()).resolves.toContain('评论者')
    await expect(row.getByTestId('document-updated').innerText()).resolves.toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    await row.getByTestId('document-link').click()
    await expect(reviewer.getByTestId('readonly-banner').innerText()).resolves.toBe('只读：您的角色是评论者')
    await eventually(async () => expect(await reviewer.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false'))
    await eventually(async () => expect(await reviewer.getByTestId('presence-chip').allInnerTexts()).toEqual(['审核人（我）', '起草人']))
    expect(await reviewer.getByTestId('open-members').count()).toBe(0)
  })

  it('saves a document as a new draft from the list, every placeholder open again', async () => {
    const drafter = await signIn('drafter', 'drafter-pw')
    await drafter.getByTestId('document-row').filter({ hasText: sampleTitle }).getByTestId('document-copy').click()
    await expect(drafter.getByTestId('copy-title').inputValue()).resolves.toBe(`${sampleTitle}（副本）`)
    await drafter.getByTestId('copy-title').fill('县统计局2023年工作总结')
    await drafter.getByTestId('copy-unfill').check()
    await drafter.getByTestId('copy-submit').click()
    await drafter.locator('.ProseMirror').waitFor()
    await expect(drafter.getByTestId('document-title').innerText()).resolves.toBe('县统计局2023年工作总结')
    await eventually(async () => expect(await drafter.locator('.ProseMirror .placeholder.unfilled').count()).toBe(25))
    await drafter.getByTestId('open-audit').click()
    await eventually(async () => expect(await drafter.getByTestId('audit-dialog').innerText()).toContain(`另存自《${sampleTitle}》`))
    await drafter.context().close()
  })

  it('creates a document from a template; the check selects a writing hint, and typing replaces it', async () => {
    const drafter = await signIn('drafter', 'drafter-pw')
    await drafter.getByTestId('new-document').click()
    await drafter.getByTestId('create-template').selectOption('notice')
    await expect(drafter.getByTestId('template-preview').innerText()).resolves.toContain('一、工作内容')
    expect(await drafter.getByTestId('create-text').isDisabled()).toBe(true)
    // A template needs a title: the browser keeps the form open without one.
    await drafter.getByTestId('create-submit').click()
    expect(await drafter.getByTestId('create-document-form').count()).toBe(1)
    await drafter.getByTestId('create-title').fill('关于开展统计执法检查的通知')
    await drafter.getByTestId('create-submit').click()
    await drafter.locator('.ProseMirror').waitFor()
    await expect(drafter.getByTestId('document-title').innerText()).resolves.toBe('关于开展统计执法检查的通知')
    await eventually(async () => expect(await drafter.locator('.ProseMirror .doc-title').innerText()).toBe('关于开展统计执法检查的通知'))
    await eventually(async () => expect(await drafter.locator('.ProseMirror .section-heading[data-level="1"]').count()).toBe(3))

    await drafter.getByTestId('tab-check').click()
    const hints = drafter.locator('.check-panel .problem-item[data-rule="template-hint"]')
    await eventually(async () => expect(await hints.count()).toBe(3))
    // The hints read apart from the text around them.
    expect(await drafter.locator('.ProseMirror .template-hint').allInnerTexts()).toHaveLength(3)
    await hints.first().click()
    await eventually(async () => expect(await drafter.evaluate(() => getSelection()!.toString())).toBe('【提示：写明发文的目的和依据。】'))
    // Typed with an IME over the selected hint (a composition inside the hint's decoration).
    const cdp = await drafter.context().newCDPSession(drafter)
    for (const partial of ['w', 'wei', 'weigui', 'weiguifan']) {
      await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length })
    }
    await cdp.send('Input.insertText', { text: '为规范' })
    await drafter.keyboard.type('统计工作。')
    await eventually(async () => expect(await hints.count()).toBe(2))
    expect(await drafter.locator('.ProseMirror p:not([data-kind])').first().innerText()).toMatch(/^为规范统计工作。为做好/)
    expect(await drafter.locator('.ProseMirror .template-hint').count()).toBe(2)
    // Each edit reads its block again: without its closing bracket a hint is text, with it a hint again.
    await drafter.evaluate(() => {
      const editor = (document.querySelector('.ProseMirror') as any).editor
      let end = -1
      editor.state.doc.descendants((node: any, pos: number) => {
        const at = node.isText ? node.text.indexOf('【提示：逐项写明') : -1
        if (end < 0 && at >= 0) end = pos + node.text.indexOf('】', at) + 1
      })
      editor.commands.setTextSelection(end)
      editor.view.focus()
    })
    await drafter.keyboard.press('Backspace')
    await eventually(async () => expect(await drafter.locator('.ProseMirror .template-hint').count()).toBe(1))
    await drafter.keyboard.type('】')
    await eventually(async () => expect(await drafter.locator('.ProseMirror .template-hint').count()).toBe(2))
  })

  it('lets an administrator add a template of the office, which a drafter then creates from', async () => {
    const admin = await signIn('admin', 'admin-pass')
    await admin.getByTestId('nav-templates').click()
    await eventually(async () => expect(await admin.getByTestId('template-row').count()).toBe(4))
    await admin.getByTestId('template-name').fill('会议纪要')
    await admin.getByTestId('template-text').fill('会议纪要\n只有一段，没有标题。')
    await admin.getByTestId('template-submit').click()
    await expect(admin.getByRole('alert').innerText()).resolves.toContain('至少要有一个编号的一级标题')
    await admin.getByTestId('template-text').fill('××局会议纪要\n【提示：写明会议时间和地点。】\n一、议定事项\n本次会议议定**项。\n二、参会人员\n**同志。')
    await admin.getByTestId('template-submit').click()
    await eventually(async () => expect(await admin.getByTestId('template-row').count()).toBe(5))
    expect(await admin.getByTestId('template-row').last().innerText()).toContain('一、议定事项')
    await admin.context().close()

    const drafter = await signIn('drafter', 'drafter-pw')
    await drafter.getByTestId('new-document').click()
    await drafter.getByTestId('create-template').selectOption({ label: '会议纪要' })
    await expect(drafter.getByTestId('template-preview').innerText()).resolves.toContain('二、参会人员')
    await drafter.getByTestId('create-title').fill('局长办公会纪要')
    await drafter.getByTestId('create-submit').click()
    await drafter.locator('.ProseMirror').waitFor()
    await eventually(async () => expect(await drafter.locator('.ProseMirror .template-hint').count()).toBe(1))
    expect(await drafter.locator('.ProseMirror .placeholder.unfilled').count()).toBe(2)
    await drafter.context().close()
  })

  it('filters the document list by title and by status', async () => {
    const drafter = await signIn('drafter', 'drafter-pw')
    const titles = () => drafter.getByTestId('document-link').allInnerTexts()
    await eventually(async () => expect((await titles()).length).toBeGreaterThan(1))
    await drafter.getByTestId('document-search').fill('执法检查')
    await eventually(async () => expect(await titles()).toEqual(['关于开展统计执法检查的通知']))
    await drafter.getByTestId('document-search').fill('')
    await drafter.getByTestId('document-filter').selectOption('signed')
    await drafter.getByTestId('documents-none-match').waitFor()
    await drafter.getByTestId('document-filter').selectOption('draft')
    await eventually(async () => expect((await titles()).length).toBeGreaterThan(1))
    await drafter.context().close()
  })

  it('shows an error instead of the editor to a user who is not a member, and sends a stale session to sign-in', async () => {
    const admin = await signIn('admin', 'admin-pass')
    await admin.getByTestId('document-list').or(admin.getByTestId('documents-empty')).waitFor()
    const drafterPage = await signIn('drafter', 'drafter-pw')
    const docId = await drafterPage.getByTestId('document-row').first().getAttribute('data-document-id')
    await drafterPage.context().close()

    await admin.goto(`${server.url}/#/documents/${docId}`)
    await admin.getByTestId('editor-error').waitFor()
    expect(await admin.locator('.ProseMirror').count()).toBe(0)

    await admin.evaluate(() => localStorage.setItem('hegao.token', 'no-such-token'))
    await admin.reload()
    await admin.getByTestId('signin-form').waitFor()
    expect(await admin.evaluate(() => localStorage.getItem('hegao.token'))).toBeNull()
  })

  it('changes a password from the header, which signs out the other browser; an administrator resets it', async () => {
    const admin = await signIn('admin', 'admin-pass')
    await admin.getByTestId('nav-admin').click()
    await admin.getByTestId('new-username').fill('clerk')
    await admin.getByTestId('new-password').fill('clerk-pw-1')
    await admin.getByTestId('create-user-submit').click()
    await eventually(async () => expect(await admin.getByTestId('user-row').allInnerTexts()).toContainEqual(expect.stringContaining('clerk')))

    const here = await signIn('clerk', 'clerk-pw-1')
    const elsewhere = await signIn('clerk', 'clerk-pw-1')
    await elsewhere.getByTestId('documents-empty').waitFor()
    await here.getByTestId('change-password').click()
    await here.getByTestId('password-current').fill('clerk-pw-1')
    await here.getByTestId('password-password').fill('clerk-pw-2')
    await here.getByTestId('password-repeat').fill('clerk-pw-2')
    await here.getByTestId('password-submit').click()
    await here.getByTestId('password-done').waitFor()
    await here.getByTestId('password-close').click()

    // The other browser's next request is refused: it lands on sign-in, told why.
    await elsewhere.reload()
    await elsewhere.getByTestId('signin-ended').waitFor()
    await here.reload()
    await here.getByTestId('documents-empty').waitFor()

    const row = admin.getByTestId('user-row').filter({ hasText: 'clerk' })
    await row.getByTestId('reset-password').click()
    await admin.getByTestId('reset-password-input').fill('clerk-pw-3')
    await admin.getByTestId('reset-password-submit').click()
    await expect(admin.getByRole('status').innerText()).resolves.toContain('已重置')
    await here.reload()
    await here.getByTestId('signin-ended').waitFor()
    await here.getByTestId('signin-username').fill('clerk')
    await here.getByTestId('signin-password').fill('clerk-pw-3')
    await here.getByTestId('signin-submit').click()
    await here.getByTestId('documents-empty').waitFor()
    expect(await here.getByTestId('signin-ended').count()).toBe(0)
    for (const page of [admin, here, elsewhere]) await page.context().close()
  })

  it('disables a colleague who owns a draft alone: the draft is handed over first, their open editor signs out, and sign-in says why', async () => {
    const admin = await signIn('admin', 'admin-pass')
    await admin.getByTestId('nav-admin').click()
    for (const username of ['leaver', 'successor']) {
      await admin.getByTestId('new-username').fill(username)
      await admin.getByTestId('new-password').fill(`${username}-pw`)
      await admin.getByTestId('create-user-submit').click()
      await admin.locator(`[data-testid="user-row"][data-username="${username}"]`).waitFor()
    }
    const leaver = await signIn('leaver', 'leaver-pw')
    await leaver.getByTestId('new-document').click()
    await leaver.getByTestId('create-title').fill('离任前的草稿')
    await leaver.getByTestId('create-submit').click()
    await leaver.locator('.ProseMirror').waitFor()

    const row = admin.locator('[data-testid="user-row"][data-username="leaver"]')
    await row.getByTestId('disable-account').click()
    await admin.getByTestId('disable-account-confirm').click()
    await expect(admin.getByTestId('handover').innerText()).resolves.toContain('离任前的草稿')
    await admin.getByTestId('handover-heir').selectOption('successor')
    await admin.getByTestId('disable-account-confirm').click()
    await expect(admin.getByRole('status').innerText()).resolves.toBe('已将文档移交给 successor，并停用账号 leaver')
    await eventually(async () => expect(await row.innerText()).toContain('已停用'))

    await leaver.getByTestId('signin-ended').waitFor()
    await leaver.getByTestId('signin-username').fill('leaver')
    await leaver.getByTestId('signin-password').fill('leaver-pw')
    await leaver.getByTestId('signin-submit').click()
    await expect(leaver.getByTestId('signin-error').innerText()).resolves.toBe('该账号已停用，请联系管理员')

    const successor = await signIn('successor', 'successor-pw')
    await successor.getByTestId('document-row').filter({ hasText: '离任前的草稿' }).getByText('所有者').waitFor()
    for (const page of [admin, leaver, successor]) await page.context().close()
  })

  it('hands over the documents of a signer a locked document waits for, then says why their account stays enabled', async () => {
    const call = <T = any>(method: string, url: string, token: string | null, body?: unknown) => apiCall<T>(server.url, method, url, token, body)
    const adminToken = (await call('POST', '/api/login', null, { username: 'admin', password: 'admin-pass' })).token
    for (const username of ['signing-leaver', 'signing-heir']) {
      await call('POST', '/api/users', adminToken, { username, password: `${username}-pw`, displayName: username === 'signing-leaver' ? '王五' : '赵六' })
    }
    const token = (await call('POST', '/api/login', null, { username: 'signing-leaver', password: 'signing-leaver-pw' })).token
    const { id } = await call('POST', '/api/documents', token, { title: '待签发的总结', text: '待签发的总结\n\n一、工作情况\n\n全年完成了各项任务。' })
    await call('POST', `/api/documents/${id}/submit`, token)
    await call('POST', `/api/documents/${id}/lock`, token, { signers: ['signing-leaver'] })

    const admin = await signIn('admin', 'admin-pass')
    await admin.getByTestId('nav-admin').click()
    const row = admin.locator('[data-testid="user-row"][data-username="signing-leaver"]')
    await row.getByTestId('disable-account').click()
    await admin.getByTestId('disable-account-confirm').click()
    await expect(admin.getByTestId('handover').innerText()).resolves.toContain('待签发的总结')
    await admin.getByTestId('handover-heir').selectOption('signing-heir')
    await admin.getByTestId('disable-account-confirm').click()
    const dialog = admin.getByTestId('disable-account-dialog')
    await expect(dialog.getByRole('alert').innerText()).resolves.toBe(
      '已将文档移交给 signing-heir，但未停用账号：王五是《待签发的总结》的签发人，尚未签发，文档锁定期间不能停用其账号；请先由所有者解锁并更换签发人。',
    )
    expect(await dialog.getByTestId('handover').count()).toBe(0)
    expect(await row.innerText()).toContain('正常')
    await admin.context().close()
  })

  it('lets the owner delete a draft from the list; a member who has it open is told it is gone', async () => {
    const drafter = await signIn('drafter', 'drafter-pw')
    await drafter.getByTestId('new-document').click()
    await drafter.getByTestId('create-title').fill('要删除的草稿')
    await drafter.getByTestId('create-submit').click()
    await drafter.locator('.ProseMirror').waitFor()
    const docUrl = drafter.url()
    await drafter.getByTestId('open-members').click()
    await drafter.getByTestId('add-member-username').fill('reviewer')
    await drafter.getByTestId('add-member-submit').click()
    await drafter.locator('[data-testid="member-row"][data-username="reviewer"]').waitFor()
    await drafter.getByTestId('members-close').click()
    const reviewer = await signIn('reviewer', 'reviewer-pw')
    await reviewer.getByTestId('document-list').waitFor()
    await reviewer.goto(docUrl)
    await reviewer.locator('.ProseMirror').waitFor()
    // Only owners are offered the delete, and only for drafts.
    await reviewer.goBack()
    const reviewerRow = reviewer.getByTestId('document-row').filter({ hasText: '要删除的草稿' })
    await reviewerRow.waitFor()
    expect(await reviewerRow.getByTestId('document-delete').count()).toBe(0)
    await reviewer.goto(docUrl)
    await reviewer.locator('.ProseMirror').waitFor()

    await drafter.getByTestId('nav-documents').click()
    const row = drafter.getByTestId('document-row').filter({ hasText: '要删除的草稿' })
    await row.getByTestId('document-delete').click()
    await drafter.getByTestId('delete-document-dialog').getByRole('button', { name: '取消' }).click()
    expect(await row.count()).toBe(1)
    await row.getByTestId('document-delete').click()
    await drafter.getByTestId('delete-document-confirm').click()
    await eventually(async () => expect(await row.count()).toBe(0))
    await reviewer.getByText('文档不存在或已被删除').first().waitFor()
    for (const page of [drafter, reviewer]) await page.context().close()
  })
})
