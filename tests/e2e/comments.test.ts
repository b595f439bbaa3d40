import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startServer } from '../../server/app'
import { launchBrowser } from '../helpers/browser'
import { eventually } from '../helpers/retry'
import { apiCall } from '../helpers/api'
import { heading, paragraph, text } from '../helpers/docBuilders'

/**
 * Section comments and section assignment in the real client (built by `npx vite build`), two
 * people in two browsers: the owner 李伟 and the commenter 赵敏.
 */
let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let dataDir: string
let docId: string
let owner: Page
let commenter: Page
const dialogs: string[] = []

const call = <T>(method: string, url: string, token: string | null, body?: unknown) => apiCall<T>(server.url, method, url, token, body)
const login = async (username: string) => (await call<{ token: string }>('POST', '/api/login', null, { username, password: `${username}-pw` })).token

const draft = {
  type: 'doc',
  content: [
    { type: 'title', content: [text('县统计局2022年工作总结')] },
    paragraph(text('今年以来，我局认真贯彻落实上级各项决策部署。')),
    heading('s1', 1, text('工作开展情况')),
    heading('s11', 2, text('推进党风廉政建设。全年开展集中学习十二次。')),
    heading('s2', 1, text('存在的问题')),
    paragraph(text('统计基础还比较薄弱。')),
    heading('s3', 1, text('下一步工作打算')),
    paragraph(text('继续做好统计工作。')),
  ],
}

async function openAs(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(`${server.url}/#/login`)
  await page.getByTestId('signin-username').fill(username)
  await page.getByTestId('signin-password').fill(`${username}-pw`)
  await page.getByTestId('signin-submit').click()
  await page.locator(`[data-testid="document-row"][data-document-id="${docId}"] a`).first().click()
  await page.locator('.ProseMirror').waitFor({ timeout: 5000 })
  return page
}

const thread = (page: Page) => page.getByTestId('comment-thread')
const outlineRow = (page: Page, sectionId: string) => page.locator(`.outline-panel .outline-item[data-section-id="${sectionId}"] > .outline-row`)
const marker = (page: Page, sectionId: string) => page.locator(`.ProseMirror [data-testid="comment-marker"][data-section-id="${sectionId}"]`)
const outlineIds = (page: Page) => page.$$eval('.outline-panel .outline-item', (items) => items.map((item) => item.getAttribute('data-section-id')))

describe('section comments and assignments, two people in two browsers', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hegao-e2e-comments-'))
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword: 'admin-pass' })
    const admin = (await call<{ token: string }>('POST', '/api/login', null, { username: 'admin', password: 'admin-pass' })).token
    for (const [username, displayName] of [['liwei', '李伟'], ['zhaomin', '赵敏'], ['wangfang', '王芳']]) {
      await call('POST', '/api/users', admin, { username, displayName, password: `${username}-pw` })
    }
    const ownerToken = await login('liwei')
    docId = (await call<{ id: string }>('POST', '/api/documents', ownerToken, { title: '县统计局2022年工作总结', text: '县统计局2022年工作总结\n正文。' })).id
    await call('PUT', `/api/documents/${docId}/members/zhaomin`, ownerToken, { role: 'commenter' })
    await call('PUT', `/api/documents/${docId}/members/wangfang`, ownerToken, { role: 'editor' })
    browser = await launchBrowser()
    owner = await openAs('liwei')
    await eventually(async () => expect(await owner.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true'))
    await owner.evaluate((json) => (document.querySelector('.ProseMirror') as any).editor.commands.setContent(json), draft)
    commenter = await openAs('zhaomin')
    await eventually(async () => expect(await commenter.locator('.ProseMirror').innerText()).toContain('下一步工作打算'))
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows a thread posted on the caret section to the other person live, counted in the outline and the margin', async () => {
    await commenter.getByTestId('tab-comments').click()
    await commenter.locator('.ProseMirror .section-heading', { hasText: '存在的问题' }).click()
    await eventually(async () => expect(await commenter.getByTestId('comments-scope').innerText()).toContain('二、存在的问题'))
    // Selecting words of the section offers them as the thread's quote (also in a read-only editor).
    await commenter.evaluate(() => {
      const editor = (document.querySelector('.ProseMirror') as any).editor
      let from = -1
      editor.state.doc.descendants((node: any, pos: number) => {
        const at = node.isText ? (node.text as string).indexOf('统计基础') : -1
        if (from < 0 && at >= 0) from = pos + at
      })
      editor.commands.setTextSelection({ from, to: from + 4 })
    })
    await eventually(async () => expect(await commenter.locator('.quote-preview').innerText()).toBe('统计基础'))
    await commenter.getByTestId('comment-input').fill('请补充具体数据。\n第二行说明')
    await commenter.getByTestId('comment-submit').click()
    await eventually(async () => expect(await thread(commenter).count()).toBe(1))

    // The owner's page (outline tab) learns about it without a reload.
    await eventually(async () => expect(await outlineRow(owner, 's2').getByTestId('outline-comment-count').innerText()).toBe('1'))
    await eventually(async () => expect(await marker(owner, 's2').innerText()).toBe('1'))
    expect(await marker(owner, 's1').count()).toBe(0)

    // The margin marker opens that section's threads.
    await marker(owner, 's2').click()
    await eventually(async () => expect(await owner.getByTestId('tab-comments').getAttribute('aria-selected')).toBe('true'))
    await eventually(async () => expect(await owner.getByTestId('comments-scope').innerText()).toContain('存在的问题'))
    const body = thread(owner).getByTestId('comment-body')
    expect(await body.innerText()).toBe('请补充具体数据。\n第二行说明')
    expect(await thread(owner).getAttribute('data-section-id')).toBe('s2')
    expect(await thread(owner).locator('.thread-quote').innerText()).toBe('统计基础')
    // Another section's list does not show it; 全部 does.
    await owner.locator('.ProseMirror .section-heading', { hasText: '下一步工作打算' }).click()
    await eventually(async () => expect(await owner.getByTestId('comments-empty').innerText()).toBe('本节还没有评论。'))
    await owner.getByTestId('comments-all').check()
    await eventually(async () => expect(await thread(owner).count()).toBe(1))
    await owner.getByTestId('comments-all').uncheck()
  })

  it('selects the quoted words in the text from the thread, and says so once the text no longer holds them', async () => {
    const selected = () => owner.evaluate(() => {
      const { state } = (document.querySelector('.ProseMirror') as any).editor
      return state.doc.textBetween(state.selection.from, state.selection.to)
    })
    /** Inserts `text` into the quoted words (after 统计) or takes it out again, as an edit of the owner's. */
    const editQuoted = (insert: boolean) => owner.evaluate((insert) => {
      const editor = (document.querySelector('.ProseMirror') as any).editor
      let from = -1
      editor.state.doc.descendants((node: any, pos: number) => {
        const at = node.isText ? (node.text as string).indexOf(insert ? '统计基础' : '统计工作基础') : -1
        if (from < 0 && at >= 0) from = pos + at + 2
      })
      if (insert) editor.commands.insertContentAt(from, '工作')
      else editor.commands.deleteRange({ from, to: from + 2 })
    }, insert)
    await marker(owner, 's2').click()
    await thread(owner).getByTestId('thread-quote').click()
    await eventually(async () => expect(await selected()).toBe('统计基础'))
    await editQuoted(true)
    await thread(owner).getByTestId('thread-quote').click()
    expect(await thread(owner).getByTestId('quote-gone').innerText()).toBe('正文已修改，找不到这段引文。')
    await editQuoted(false)
    await thread(owner).getByTestId('thread-quote').click()
    await eventually(async () => expect(await selected()).toBe('统计基础'))
    expect(await thread(owner).getByTestId('quote-gone').count()).toBe(0)
  })

  it('lets the owner reply and the commenter resolve, and only the author gets edit and delete', async () => {
    await marker(owner, 's2').click()
    await thread(owner).getByTestId('reply-input').fill('好的，明天补上。')
    await thread(owner).getByTestId('reply-submit').click()
    await eventually(async () => expect(await thread(commenter).getByTestId('comment-body').allInnerTexts()).toEqual(['请补充具体数据。\n第二行说明', '好的，明天补上。']))
    // Each sees edit/delete only on their own comment.
    const items = (page: Page) => thread(page).getByTestId('comment-item')
    expect(await items(owner).nth(0).getByTestId('comment-edit').count()).toBe(0)
    expect(await items(owner).nth(1).getByTestId('comment-edit').count()).toBe(1)
    expect(await items(commenter).nth(0).getByTestId('comment-delete').count()).toBe(1)
    expect(await items(commenter).nth(1).getByTestId('comment-delete').count()).toBe(0)

    // The author edits their comment; the other page shows the new text, marked as edited.
    await items(commenter).nth(0).hover()
    await items(commenter).nth(0).getByTestId('comment-edit').click()
    await items(commenter).nth(0).getByTestId('comment-edit-input').fill('请补充2022年的具体数据。')
    await items(commenter).nth(0).getByTestId('comment-edit-save').click()
    await eventually(async () => expect(await items(owner).nth(0).innerText()).toMatch(/（已编辑）[\s\S]*请补充2022年的具体数据。/))

    await thread(commenter).getByTestId('thread-resolve').click()
    await eventually(async () => expect(await thread(owner).getAttribute('data-resolved')).toBe('true'))
    expect(await thread(owner).getByTestId('thread-resolve').innerText()).toBe('重新打开')
    // A resolved thread is no longer counted.
    await eventually(async () => expect(await marker(owner, 's2').count()).toBe(0))
    await thread(owner).getByTestId('thread-resolve').click()
    await eventually(async () => expect(await thread(commenter).getAttribute('data-resolved')).toBe('false'))
    await eventually(async () => expect(await marker(commenter, 's2').innerText()).toBe('1'))
  })

  it('shows markup typed into a comment as literal text', async () => {
    const markup = '<img src=x onerror=alert(1)><b>x</b>'
    await commenter.locator('.ProseMirror .section-heading', { hasText: '下一步工作打算' }).click()
    await eventually(async () => expect(await commenter.getByTestId('comments-scope').innerText()).toContain('三、下一步工作打算'))
    await commenter.getByTestId('comment-input').fill(markup)
    await commenter.getByTestId('comment-submit').click()
    await eventually(async () => expect(await marker(owner, 's3').innerText()).toBe('1'))
    await marker(owner, 's3').click()
    await eventually(async () => expect(await thread(owner).getByTestId('comment-body').innerText()).toBe(markup))
    expect(await owner.locator('.comments-panel img, .comments-panel b').count()).toBe(0)
    expect(dialogs).toEqual([])
    await owner.screenshot({ path: '/tmp/ui-comments.png' })

    // Its author deletes it (no replies): the thread goes away on both pages.
    await marker(commenter, 's3').click()
    await thread(commenter).getByTestId('comment-item').hover()
    await thread(commenter).getByTestId('comment-delete').click()
    await thread(commenter).getByTestId('comment-delete-confirm').click()
    await eventually(async () => expect(await marker(owner, 's3').count()).toBe(0))
    await eventually(async () => expect(await thread(owner).count()).toBe(0))
  })

  it('keeps a comment pasted over 2000 characters whole, counts it near the limit and posts it only once short enough', async () => {
    await commenter.locator('.ProseMirror .section-heading', { hasText: '下一步工作打算' }).click()
    await eventually(async () => expect(await commenter.getByTestId('comments-scope').innerText()).toContain('三、下一步工作打算'))
    const input = commenter.getByTestId('comment-input')
    const count = commenter.getByTestId('comment-count')
    await input.fill('长'.repeat(1700))
    expect(await count.count()).toBe(0)
    // A maxlength would cut this short, as it cuts a paste, without a word to the user.
    await input.fill('长'.repeat(2500))
    expect(await input.evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(2500)
    expect(await count.innerText()).toBe('2500 / 2000，超出 500 字')
    await commenter.getByTestId('comment-submit').click()
    expect(await commenter.getByTestId('comment-error').innerText()).toBe('评论最多 2000 个字')
    expect(await input.evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(2500)
    // Nothing visible is nothing to post.
    await input.fill('\u200b\u3000\ufeff')
    expect(await commenter.getByTestId('comment-submit').isDisabled()).toBe(true)
    await input.fill('长'.repeat(1990))
    expect(await count.innerText()).toBe('1990 / 2000')
    await commenter.getByTestId('comment-submit').click()
    await eventually(async () => expect(await thread(commenter).getByTestId('comment-body').innerText()).toHaveLength(1990))
    expect(await count.count()).toBe(0)

    await thread(commenter).getByTestId('comment-item').hover()
    await thread(commenter).getByTestId('comment-delete').click()
    await thread(commenter).getByTestId('comment-delete-confirm').click()
    await eventually(async () => expect(await thread(commenter).count()).toBe(0))
  })

  it('shows the holder the owner assigns to the other person, and 只看我的章节 keeps only the own sections', async () => {
    await owner.getByTestId('tab-outline').click()
    await commenter.getByTestId('tab-outline').click()
    await outlineRow(owner, 's1').getByTestId('assign-select').selectOption('wangfang')
    await outlineRow(owner, 's3').getByTestId('assign-select').selectOption('liwei')
    await eventually(async () => {
      expect(await outlineRow(commenter, 's1').getByTestId('section-holder').innerText()).toBe('王芳')
      expect(await outlineRow(commenter, 's3').getByTestId('section-holder').innerText()).toBe('李伟')
    })
    expect(await commenter.getByTestId('assign-select').count()).toBe(0)
    await owner.screenshot({ path: '/tmp/ui-outline.png' })
    // Only owners and editors can hold a section.
    expect(await outlineRow(owner, 's2').getByTestId('assign-select').locator('option').allInnerTexts()).toEqual(['未分配', '李伟', '王芳'])

    await owner.getByTestId('outline-mine').check()
    expect(await outlineIds(owner)).toEqual(['s3'])
    await commenter.getByTestId('outline-mine').check()
    expect(await commenter.getByTestId('outline-mine-empty').innerText()).toBe('还没有分配给您的章节。')
    await commenter.getByTestId('outline-mine').uncheck()

    // Clearing it (未分配) reaches the other page too.
    await owner.getByTestId('outline-mine').uncheck()
    await outlineRow(owner, 's1').getByTestId('assign-select').selectOption('')
    await eventually(async () => expect(await outlineRow(commenter, 's1').getByTestId('section-holder').count()).toBe(0))
    expect(await outlineIds(owner)).toEqual(['s1', 's11', 's2', 's3'])
  })

  it('answers a refused 提交审核 with the check tab and red unfilled placeholders until the check passes', async () => {
    const withBlank = structuredClone(draft) as typeof draft
    withBlank.content[7] = paragraph(text('明年计划新建站点'), { type: 'placeholder', attrs: { id: 'p1', kind: 'number', pattern: '*', unit: '个', value: '' } }, text('。'))
    await owner.evaluate((json) => (document.querySelector('.ProseMirror') as any).editor.commands.setContent(json), withBlank)
    await owner.getByTestId('workflow-submit').click()
    await eventually(async () => expect(await owner.getByTestId('tab-check').getAttribute('aria-selected')).toBe('true'))
    expect(await owner.getByTestId('editor-paper').getAttribute('class')).toContain('check-highlight')
    const item = owner.locator('.check-panel .unfilled-item')
    await eventually(async () => expect(await item.count()).toBe(1))
    await owner.screenshot({ path: '/tmp/ui-check.png' })
    await item.click()
    await owner.locator('.ProseMirror .placeholder-input').fill('3')
    await owner.keyboard.press('Enter')
    await eventually(async () => expect(await owner.getByTestId('editor-paper').getAttribute('class')).not.toContain('check-highlight'))
    await expect(owner.getByTestId('document-status').innerText()).resolves.toBe('草稿')
  })

  it('groups the threads of a deleted section as 已脱离的评论 at once, and brings them back when the heading returns', async () => {
    const withoutS2 = structuredClone(draft) as typeof draft
    withoutS2.content.splice(4, 1)
    await owner.evaluate((json) => (document.querySelector('.ProseMirror') as any).editor.commands.setContent(json), withoutS2)
    for (const page of [owner, commenter]) {
      await page.getByTestId('tab-comments').click()
      await page.getByTestId('comments-all').check()
      await eventually(async () => expect(await page.getByTestId('detached-threads').getByTestId('comment-thread').count()).toBe(1))
      expect(await marker(page, 's2').count()).toBe(0)
    }
    const listed = await call<{ threads: { sectionId: string; detached: boolean }[] }>('GET', `/api/documents/${docId}/comments`, await login('liwei'))
    expect(listed.threads.find((t) => t.sectionId === 's2')?.detached).toBe(true)

    await owner.evaluate((json) => (document.querySelector('.ProseMirror') as any).editor.commands.setContent(json), draft)
    for (const page of [owner, commenter]) {
      await eventually(async () => expect(await page.getByTestId('detached-threads').count()).toBe(0))
      await eventually(async () => expect(await marker(page, 's2').innerText()).toBe('1'))
    }
  })

  it('shows a viewer the threads without any form or button to change them', async () => {
    const ownerToken = await login('liwei')
    await call('POST', '/api/users', (await call<{ token: string }>('POST', '/api/login', null, { username: 'admin', password: 'admin-pass' })).token, { username: 'sunli', displayName: '孙丽', password: 'sunli-pw' })
    await call('PUT', `/api/documents/${docId}/members/sunli`, ownerToken, { role: 'viewer' })
    const viewer = await openAs('sunli')
    await viewer.getByTestId('tab-comments').click()
    await viewer.getByTestId('comments-all').check()
    await eventually(async () => expect(await thread(viewer).count()).toBe(1))
    for (const testId of ['comment-input', 'reply-input', 'thread-resolve', 'comment-edit', 'comment-delete']) expect(await viewer.getByTestId(testId).count()).toBe(0)
    await viewer.getByTestId('tab-outline').click()
    await eventually(async () => expect(await outlineRow(viewer, 's3').getByTestId('section-holder').innerText()).toBe('李伟'))
    await viewer.context().close()
  })
})
