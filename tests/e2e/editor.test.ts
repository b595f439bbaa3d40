import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startServer } from '../../server/app'
import { launchBrowser } from '../helpers/browser'
import { apiCall } from '../helpers/api'
import { eventually } from '../helpers/retry'
import { heading, paragraph, placeholder, text } from '../helpers/docBuilders'

/**
 * The structured editor in two real browsers on the real server: computed numbering,
 * in-place placeholder filling, outline keys, and Chinese IME composition while the other types.
 */

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let dataDir: string
let docId: string
let first: Page
let second: Page

function call<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  return apiCall<T>(server.url, method, url, token, body)
}

const login = async (username: string, password: string) => (await call<{ token: string }>('POST', '/api/login', null, { username, password })).token

async function openAs(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/#/login`)
  await page.getByTestId('signin-username').fill(username)
  await page.getByTestId('signin-password').fill(`${username}-pw`)
  await page.getByTestId('signin-submit').click()
  await page.getByTestId('document-list').waitFor({ timeout: 5000 })
  await page.locator(`[data-testid="document-row"][data-document-id="${docId}"] a`).click()
  await page.locator('.ProseMirror').waitFor({ timeout: 5000 })
  await eventually(async () => expect(await page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true'))
  return page
}


/** A small draft: three top-level sections, the first with a run-in subsection and two placeholders. */
const draft = {
  type: 'doc',
  content: [
    { type: 'title', content: [text('县统计局2022年工作总结')] },
    paragraph(text('今年以来，我局认真贯彻落实上级各项决策部署。')),
    heading('s1', 1, text('工作开展情况')),
    heading('s11', 2, text('推进党风廉政建设。全年开展集中学习'), placeholder('p1'), text('次，讲党课'), placeholder('p2', '', '*'), text('次。')),
    heading('s2', 1, text('存在的问题')),
    paragraph(text('统计基础还比较薄弱。')),
    heading('s3', 1, text('下一步工作打算')),
    paragraph(text('继续做好统计工作。')),
  ],
}

/** Replaces the shared document through the first browser's editor (one transaction, synced to all). */
async function seed(page: Page, doc: unknown) {
  await page.evaluate((json) => {
    const editor = (document.querySelector('.ProseMirror') as unknown as { editor: { commands: { setContent(c: unknown): boolean } } }).editor
    editor.commands.setContent(json)
  }, doc)
}

/** Each heading as shown: its computed number and its text (without other people's caret labels). */
const headings = (page: Page) =>
  page.$$eval('.ProseMirror .section-heading', (els) =>
    els.map((el) => {
      const copy = el.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
      return `${el.getAttribute('data-number')}${copy.textContent}`
    }),
  )

/** Id of the heading holding the editor's caret (the click lands through the browser's selection asynchronously). */
const caretInSection = (page: Page) =>
  page.evaluate(() => {
    const editor = (document.querySelector('.ProseMirror') as any).editor
    const parent = editor.state.selection.$head.parent
    return parent.type.name === 'sectionHeading' ? (parent.attrs.id as string) : null
  })

/** Presses End and waits until the editor's state has the caret at the end of its block. */
async function pressEnd(page: Page) {
  await page.keyboard.press('End')
  await eventually(async () =>
    expect(await page.evaluate(() => {
      const { $head } = (document.querySelector('.ProseMirror') as any).editor.state.selection
      return $head.parentOffset === $head.parent.content.size
    })).toBe(true),
  )
}

/** Text of the block holding the editor's caret. */
const caretBlockText = (page: Page) => page.evaluate(() => (document.querySelector('.ProseMirror') as any).editor.state.selection.$head.parent.textContent as string)

const unfilledBadgeTotal = (page: Page) => page.locator('.outline-total').innerText()

describe('the structured editor, two officials at once', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hegao-e2e-editor-'))
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword: 'admin-pass' })
    const admin = await login('admin', 'admin-pass')
    for (const [username, displayName] of [['liwei', '李伟'], ['wangfang', '王芳']]) {
      await call('POST', '/api/users', admin, { username, displayName, password: `${username}-pw` })
    }
    const owner = await login('liwei', 'liwei-pw')
    docId = (await call<{ id: string }>('POST', '/api/documents', owner, { title: '县统计局2022年工作总结', text: '县统计局2022年工作总结\n正文。' })).id
    await call('PUT', `/api/documents/${docId}/members/wangfang`, owner, { role: 'editor' })
    browser = await launchBrowser()
    first = await openAs('liwei')
    second = await openAs('wangfang')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('numbers the sections from their structure and shows run-in headings', async () => {
    await seed(first, draft)
    const expected = ['一、工作开展情况', '（一）推进党风廉政建设。全年开展集中学习**次，讲党课*次。', '二、存在的问题', '三、下一步工作打算']
    for (const page of [first, second]) await eventually(async () => expect(await headings(page)).toEqual(expected))
    // The run-in heading's first sentence is decorated as the heading, the rest reads as body.
    expect(await second.locator('.section-heading.run-in .run-in-heading').innerText()).toBe('推进党风廉政建设。')
    const fonts = await second.locator('.section-heading.run-in').evaluate((el) => [getComputedStyle(el).fontFamily, getComputedStyle(el.querySelector('.run-in-heading')!).fontFamily])
    expect(fonts[0]).toMatch(/FangSong|仿宋/)
    expect(fonts[1]).toMatch(/KaiTi|楷体/)
    expect(await second.locator('.ProseMirror .placeholder.unfilled').count()).toBe(2)
    await second.screenshot({ path: '/tmp/editor-numbered.png' })
  })

  it('copies plain text as drafts are written: a line a block, headings with their numbers', async () => {
    const copied = await second.evaluate(() => {
      const editor = (document.querySelector('.ProseMirror') as any).editor
      const blocks: { pos: number; size: number; id?: string }[] = []
      editor.state.doc.forEach((node: any, pos: number) => blocks.push({ pos, size: node.nodeSize, id: node.attrs.id }))
      const copy = (from: number, to: number) => {
        editor.commands.setTextSelection({ from, to })
        const data = new DataTransfer()
        editor.view.dom.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }))
        return data.getData('text/plain')
      }
      const s1 = blocks.find((b) => b.id === 's1')!
      const s2 = blocks.find((b) => b.id === 's2')!
      // From the start of 一、 to the end of 二、's heading; then from inside a heading (no number).
      return [copy(s1.pos + 1, s2.pos + s2.size - 1), copy(s1.pos + 3, s1.pos + s1.size - 1)]
    })
    expect(copied).toEqual(['一、工作开展情况\n（一）推进党风廉政建设。全年开展集中学习**次，讲党课*次。\n二、存在的问题', '开展情况'])
  })

  it('fills a placeholder in one browser and the other sees it filled and the unfilled count drop', async () => {
    await eventually(async () => expect(await unfilledBadgeTotal(second)).toContain('待填写 2'))
    // F8 from the title jumps to the first unfilled placeholder; typing a digit opens its input.
    await first.locator('.ProseMirror .doc-title').click()
    await first.keyboard.press('F8')
    await eventually(async () => expect(await first.locator('.placeholder.selected').getAttribute('data-id')).toBe('p1'))
    await first.keyboard.type('1')
    const input = first.locator('.placeholder[data-id="p1"] .placeholder-input')
    await eventually(async () => expect(await input.inputValue()).toBe('1'))
    // A wrong value is refused in place, with the reason next to the input.
    await first.keyboard.type('x')
    await first.keyboard.press('Enter')
    await eventually(async () => expect((await first.locator('.placeholder[data-id="p1"] .placeholder-error').innerText()).length).toBeGreaterThan(0))
    await first.screenshot({ path: '/tmp/editor-input-error.png' })
    // Leaving a wrong value keeps it in the input with the reason, rather than dropping it unseen.
    await first.locator('.ProseMirror .doc-title').click()
    expect(await input.inputValue()).toBe('1x')
    expect(await first.locator('.placeholder[data-id="p1"] .placeholder-error').innerText()).not.toBe('')
    expect(await second.locator('.placeholder[data-id="p1"]').getAttribute('class')).toContain('unfilled')
    await input.focus()
    await input.press('End')
    await first.keyboard.press('Backspace')
    await first.keyboard.type('2')
    await first.keyboard.press('Enter')

    for (const page of [first, second]) {
      await eventually(async () => {
        const filled = page.locator('.ProseMirror .placeholder[data-id="p1"]')
        expect(await filled.getAttribute('class')).toContain('filled')
        expect(await filled.innerText()).toBe('12')
      })
    }
    await eventually(async () => expect(await unfilledBadgeTotal(second)).toContain('待填写 1'))

    // Clicking the other one with the mouse and typing fills it too; clearing makes it unfilled again.
    await second.locator('.placeholder[data-id="p2"]').click()
    await second.locator('.placeholder[data-id="p2"] .placeholder-input').fill('3')
    await second.keyboard.press('Enter')
    await eventually(async () => expect(await first.locator('.placeholder[data-id="p2"]').innerText()).toBe('3'))
    await first.screenshot({ path: '/tmp/editor-filled.png' })
    await first.locator('.placeholder[data-id="p2"]').click()
    await first.locator('.placeholder[data-id="p2"] .placeholder-input').fill('')
    await first.keyboard.press('Enter')
    await eventually(async () => expect(await second.locator('.placeholder[data-id="p2"]').getAttribute('class')).toContain('unfilled'))
  })

  it('ends with one value everywhere when two people fill the same placeholder at once', async () => {
    const fill = async (page: Page, value: string) => {
      await page.locator('.placeholder[data-id="p2"]').click()
      await page.locator('.placeholder[data-id="p2"] .placeholder-input').fill(value)
    }
    await Promise.all([fill(first, '7'), fill(second, '8')])
    await Promise.all([first.keyboard.press('Enter'), second.keyboard.press('Enter')])
    await eventually(async () => {
      const a = await first.locator('.placeholder[data-id="p2"]').innerText()
      const b = await second.locator('.placeholder[data-id="p2"]').innerText()
      expect(['7', '8']).toContain(a)
      expect(b).toBe(a)
    })
  })

  it('tells someone filling a placeholder that another person just filled it; Escape keeps that value', async () => {
    const target = (page: Page) => page.locator('.placeholder[data-id="p2"]')
    await target(first).click()
    await target(first).locator('.placeholder-input').fill('11')
    await target(second).click()
    await target(second).locator('.placeholder-input').fill('12')
    await second.keyboard.press('Enter')
    await eventually(async () => expect(await target(first).locator('.placeholder-notice').innerText()).toContain('他人刚填写了“12”'))
    // What the first person typed is still theirs to commit or drop.
    expect(await target(first).locator('.placeholder-input').inputValue()).toBe('11')
    await first.keyboard.press('Escape')
    for (const page of [first, second]) await eventually(async () => expect(await target(page).innerText()).toBe('12'))
  })

  it('renumbers the following sections in both browsers when a section is deleted', async () => {
    // Delete section 二 (its heading and body) in the first browser.
    await first.evaluate(() => {
      const editor = (document.querySelector('.ProseMirror') as any).editor
      const { doc } = editor.state
      let from = -1
      let to = -1
      doc.forEach((node: any, offset: number) => {
        if (node.attrs?.id === 's2') from = offset
        if (node.attrs?.id === 's3') to = offset
      })
      editor.chain().deleteRange({ from, to }).run()
    })
    for (const page of [first, second]) {
      await eventually(async () => expect((await headings(page)).map((h) => h.slice(0, 2))).toEqual(['一、', '（一', '二、']))
      expect((await headings(page))[2]).toBe('二、下一步工作打算')
    }
  })

  it('demotes a heading with Tab and both browsers show its new number', async () => {
    await second.locator('.ProseMirror .section-heading[data-section-id="s3"]').click()
    await eventually(async () => expect(await caretInSection(second)).toBe('s3'))
    await pressEnd(second)
    await second.keyboard.press('Tab')
    for (const page of [first, second]) {
      await eventually(async () => expect(await headings(page)).toContain('（二）下一步工作打算'))
    }
    await second.keyboard.press('Shift+Tab')
    for (const page of [first, second]) await eventually(async () => expect(await headings(page)).toContain('二、下一步工作打算'))
    // Alt-Shift-ArrowUp moves the whole section before its previous sibling.
    await second.keyboard.press('Alt+Shift+ArrowUp')
    for (const page of [first, second]) await eventually(async () => expect((await headings(page))[0]).toBe('一、下一步工作打算'))
    await second.keyboard.press('Alt+Shift+ArrowDown')
    for (const page of [first, second]) await eventually(async () => expect((await headings(page))[2]).toBe('二、下一步工作打算'))
  })

  it('shows what the block at the caret is in 段落格式, and a change there (成文日期) reaches the other browser laid out', async () => {
    const format = second.getByTestId('block-format')
    await second.locator('.ProseMirror .section-heading[data-section-id="s1"]').click()
    await eventually(async () => expect(await format.inputValue()).toBe('h1'))
    const last = second.locator('.ProseMirror p', { hasText: '继续做好统计工作。' })
    await last.click()
    await eventually(async () => expect(await format.inputValue()).toBe('body'))
    await format.selectOption('date')
    const seen = first.locator('.ProseMirror p[data-kind="date"]', { hasText: '继续做好统计工作。' })
    await seen.waitFor()
    expect(await seen.evaluate((el) => [getComputedStyle(el).textAlign, getComputedStyle(el).textIndent])).toEqual(['right', '0px'])
    await eventually(async () => expect(await format.inputValue()).toBe('date'))
    // The caret stays in the text: typing goes on where it was.
    await second.keyboard.press('End')
    await second.keyboard.type('前')
    const ownText = (el: Element) => {
      const copy = el.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
      return copy.textContent
    }
    await eventually(async () => expect(await seen.evaluate(ownText)).toBe('继续做好统计工作。前'))
    await second.keyboard.press('Backspace')
    await format.selectOption('body')
    await eventually(async () => expect(await first.locator('.ProseMirror p[data-kind]').count()).toBe(0))
    await eventually(async () => expect(await first.locator('.ProseMirror p', { hasText: '继续做好统计工作。' }).evaluate(ownText)).toBe('继续做好统计工作。'))
  })

  it('composes Chinese with an IME in a heading while the other browser types, and both converge', async () => {
    await first.locator('.ProseMirror .section-heading[data-section-id="s1"]').click()
    await eventually(async () => expect(await caretInSection(first)).toBe('s1'))
    await pressEnd(first)
    await second.locator('.ProseMirror p').last().click()
    await eventually(async () => expect(await caretBlockText(second)).toMatch(/^继续做好/))
    await pressEnd(second)

    const cdp = await first.context().newCDPSession(first)
    const compose = async () => {
      for (const partial of ['t', 'to', 'ton', 'tong', 'tongj', 'tongji']) {
        await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length })
      }
      await cdp.send('Input.imeSetComposition', { text: '统计', selectionStart: 2, selectionEnd: 2 })
      await cdp.send('Input.insertText', { text: '统计' })
    }
    // The other official types into a body paragraph at the same time (and renumbering-relevant edits land mid-composition).
    await Promise.all([compose(), second.keyboard.type('王芳补充', { delay: 20 })])

    for (const page of [first, second]) {
      await eventually(async () => {
        expect(await headings(page)).toContain('一、工作开展情况统计')
        expect((await page.locator('.ProseMirror p').last().textContent() ?? '').replace('李伟', '')).toContain('继续做好统计工作。王芳补充')
      })
    }
    expect(await first.locator('.ProseMirror').innerText()).not.toContain('tongji')

    // While a composition is open, a colleague's key leaves every heading its number.
    const headingCount = await first.locator('.ProseMirror .section-heading').count()
    await cdp.send('Input.imeSetComposition', { text: 'ge', selectionStart: 2, selectionEnd: 2 })
    await second.keyboard.type('甲')
    await eventually(async () => expect(await first.locator('.ProseMirror p').last().textContent()).toContain('王芳补充甲'))
    expect(await first.locator('.ProseMirror .section-heading.numbered[data-number]').count()).toBe(headingCount)
    await cdp.send('Input.insertText', { text: '个' })
    await eventually(async () => expect(await headings(second)).toContain('一、工作开展情况统计个'))
    await first.keyboard.press('Backspace')
    await eventually(async () => expect(await headings(second)).toContain('一、工作开展情况统计'))

    // Inside a run-in heading's first sentence (decorated as the heading) while the other types into its body.
    await first.evaluate(() => {
      const editor = (document.querySelector('.ProseMirror') as any).editor
      editor.state.doc.forEach((node: any, offset: number) => {
        if (node.attrs?.id === 's11') editor.chain().focus().setTextSelection(offset + 1 + 2).run()
      })
    })
    await second.locator('.ProseMirror .section-heading[data-section-id="s11"]').click()
    await eventually(async () => expect(await caretInSection(second)).toBe('s11'))
    await pressEnd(second)
    const composeRunIn = async () => {
      for (const partial of ['q', 'qu', 'qua', 'quan', 'quanm', 'quanmi', 'quanmian']) {
        await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length })
      }
      await cdp.send('Input.insertText', { text: '全面' })
    }
    await Promise.all([composeRunIn(), second.keyboard.type('并取得实效', { delay: 20 })])
    for (const page of [first, second]) {
      await eventually(async () => {
        const runIn = (await headings(page))[1]
        expect(runIn).toMatch(/^（一）推进全面党风廉政建设。.*并取得实效$/)
        // (The decorated sentence may be rendered as several spans around the composed text.)
        expect((await page.locator('.section-heading[data-section-id="s11"] .run-in-heading').allInnerTexts()).join('')).toBe('推进全面党风廉政建设。')
      })
    }
    await first.screenshot({ path: '/tmp/editor-ime.png' })
  })

  it('keeps each typist’s caret in place when both type into the same heading', async () => {
    // Someone typing earlier in the heading must not push the other's keystrokes out of order.
    await first.evaluate(() => {
      const editor = (document.querySelector('.ProseMirror') as any).editor
      editor.state.doc.forEach((node: any, offset: number) => {
        if (node.attrs?.id === 's1') editor.chain().focus().setTextSelection(offset + 1 + 2).run()
      })
    })
    await second.locator('.ProseMirror .section-heading[data-section-id="s1"]').click()
    await eventually(async () => expect(await caretInSection(second)).toBe('s1'))
    await pressEnd(second)
    await Promise.all([first.keyboard.type('各项', { delay: 20 }), second.keyboard.type('和成效', { delay: 20 })])
    for (const page of [first, second]) await eventually(async () => expect((await headings(page))[0]).toBe('一、工作各项开展情况统计和成效'))
  })

  it('builds sections from the keyboard and typed or pasted stars, every heading with its own id', async () => {
    const lastParagraph = second.locator('.ProseMirror p').last()
    await lastParagraph.click()
    await eventually(async () => expect(await second.evaluate(() => (document.querySelector('.ProseMirror') as any).editor.state.selection.$head.parent.textContent)).toContain('继续做好'))
    await pressEnd(second)
    await second.keyboard.press('Enter')
    await second.keyboard.type('新增一节')
    await second.keyboard.press('Control+Alt+1')
    for (const page of [first, second]) await eventually(async () => expect(await headings(page)).toContain('三、新增一节'))
    // Enter at the end of a heading starts its body (here composed with an IME: the first
    // characters in a new block); a `*` run typed before a unit becomes a placeholder.
    await second.keyboard.press('Enter')
    const cdp = await second.context().newCDPSession(second)
    for (const partial of ['g', 'gong', 'gongkai', 'gongkaizhan']) {
      await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length })
    }
    await cdp.send('Input.insertText', { text: '共开展' })
    await second.keyboard.type('**次')
    await eventually(async () => expect(await first.locator('.ProseMirror p').last().locator('.placeholder.unfilled[data-unit="次"]').count()).toBe(1))
    // Read without 王芳's caret, whose label sits in the text wherever her last caret update put it.
    const lastText = await first.locator('.ProseMirror p').last().evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
      return copy.textContent
    })
    expect(lastText).toMatch(/^共开展\*\*/)

    // Enter in the middle of a heading splits it into two headings with different ids.
    await second.locator('.ProseMirror .section-heading', { hasText: '新增一节' }).click()
    await eventually(async () => expect(await caretInSection(second)).not.toBeNull())
    await pressEnd(second)
    // Put the caret two characters before the end (set directly: arrow keys race the browser's selection events).
    await second.evaluate(() => {
      const editor = (document.querySelector('.ProseMirror') as any).editor
      editor.commands.setTextSelection(editor.state.selection.$head.end() - 2)
    })
    await second.keyboard.press('Enter')
    for (const page of [first, second]) {
      await eventually(async () => {
        const [a, b] = (await headings(page)).slice(-2)
        expect([a.slice(0, 2), b.slice(0, 2)]).toEqual(['三、', '四、'])
        expect(a.slice(2) + b.slice(2)).toBe('新增一节')
      })
      const ids = await page.$$eval('.ProseMirror .section-heading', (els) => els.map((el) => el.getAttribute('data-section-id')))
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids.every(Boolean)).toBe(true)
    }

    // A pasted numbered draft is imported as sections with placeholders.
    await second.locator('.ProseMirror p').last().click()
    await eventually(async () => expect(await caretBlockText(second)).toMatch(/^共开展/))
    await pressEnd(second)
    await second.keyboard.press('Enter')
    await second.evaluate(() => {
      const data = new DataTransfer()
      data.setData('text/plain', '五、粘贴的一节\n（一）第一小节。全年培训**人次。\n（二）第二小节')
      document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    for (const page of [first, second]) {
      await eventually(async () => expect((await headings(page)).slice(-3)).toEqual(['五、粘贴的一节', '（一）第一小节。全年培训**人次。', '（二）第二小节']))
    }
    await eventually(async () => expect(await first.locator('.section-heading', { hasText: '第一小节' }).locator('.placeholder.unfilled').count()).toBe(1))
    await first.screenshot({ path: '/tmp/editor-structure.png' })

    // insertSection adds a fresh heading after the current section; Backspace in it while empty makes it body text.
    await second.evaluate(() => (document.querySelector('.ProseMirror') as any).editor.commands.insertSection(2))
    for (const page of [first, second]) await eventually(async () => expect((await headings(page)).slice(-1)).toEqual(['（三）']))
    await second.keyboard.press('Backspace')
    for (const page of [first, second]) await eventually(async () => expect((await headings(page)).slice(-1)).toEqual(['（二）第二小节']))
  })

  it('lists the unfilled placeholders in the check panel, one click from filling them in place', async () => {
    // The check is a tab of the side panel (大纲 / 评论 / 检查).
    for (const page of [first, second]) await page.getByTestId('tab-check').click()
    const items = second.locator('.check-panel .unfilled-item')
    await eventually(async () => {
      expect(await items.count()).toBe(2)
      expect(await items.last().innerText()).toContain('全年培训')
    })
    await items.last().click()
    const input = second.locator('.ProseMirror .placeholder-input')
    await input.waitFor({ timeout: 5000 })
    await input.fill('30')
    await second.keyboard.press('Enter')
    await eventually(async () => expect(await first.locator('.check-panel .unfilled-item').count()).toBe(1))
    await eventually(async () => expect(await first.locator('.section-heading', { hasText: '第一小节' }).locator('.placeholder.filled').innerText()).toBe('30'))
    // Shift-F8 goes back to the remaining unfilled one; Enter opens it, Escape leaves it unfilled.
    await second.keyboard.press('Shift+F8')
    await eventually(async () => expect(await second.locator('.ProseMirror .placeholder.selected').getAttribute('class')).toContain('unfilled'))
    await second.keyboard.press('Enter')
    await second.locator('.ProseMirror .placeholder-input').waitFor({ timeout: 5000 })
    await second.keyboard.type('99')
    await second.keyboard.press('Escape')
    await eventually(async () => expect(await second.locator('.ProseMirror .placeholder-input').count()).toBe(0))
    // The panel follows the text within its refresh interval: the '30' above, and no '99'.
    await eventually(async () => expect(await second.locator('.check-panel .unfilled-item').count()).toBe(1))

    // A pasted single line with a `*` run gets a placeholder in place of the stars.
    await second.locator('.ProseMirror p').last().click()
    await eventually(async () => expect(await caretInSection(second)).toBeNull())
    await pressEnd(second)
    await second.evaluate(() => {
      const data = new DataTransfer()
      data.setData('text/plain', '新建基层统计站*个')
      document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    await eventually(async () => expect(await first.locator('.check-panel .unfilled-item').count()).toBe(2))
    // Polled as well: in one full-suite run the panel already listed it when this first looked (not reproduced since).
    await eventually(async () => expect(await first.locator('.ProseMirror .placeholder.unfilled[data-unit="个"][data-pattern="*"]').count()).toBe(1))
  })

  it('selects the doubled word a check problem names, so one key deletes it', async () => {
    await first.locator('.ProseMirror p').last().click()
    await eventually(async () => expect(await caretInSection(first)).toBeNull())
    await pressEnd(first)
    await first.keyboard.type('要贯彻贯彻落实。')
    const problem = second.locator('.check-panel .problem-item[data-rule="duplicate-word"]')
    await eventually(async () => expect(await problem.count()).toBe(1))
    await problem.click()
    // The second copy, the one the message says to delete.
    await eventually(async () => expect(await second.evaluate(() => {
      const { state } = (document.querySelector('.ProseMirror') as any).editor
      return state.doc.textBetween(state.selection.from - 2, state.selection.to + 2)
    })).toBe('贯彻贯彻落实'))
    expect(await second.evaluate(() => getSelection()!.toString())).toBe('贯彻')
    // Deleted, and the problem clicked again before the panel catches up: the caret stays put.
    const carets = await second.evaluate(() => {
      const editor = (document.querySelector('.ProseMirror') as any).editor
      editor.commands.deleteSelection()
      const before = editor.state.selection.from
      ;(document.querySelector('.check-panel .problem-item[data-rule="duplicate-word"]') as HTMLElement).click()
      return [before, editor.state.selection.from, editor.state.selection.empty]
    })
    expect(carets).toEqual([carets[0], carets[0], true])
    for (const page of [first, second]) {
      await eventually(async () => expect(await page.evaluate(() => (document.querySelector('.ProseMirror') as any).editor.state.doc.lastChild.textContent)).toMatch(/要贯彻落实。$/))
    }
    await eventually(async () => expect(await problem.count()).toBe(0))
  })

  it('jumps to a section from the outline and moves it with the outline buttons', async () => {
    await second.getByTestId('tab-outline').click()
    const row = second.locator('.outline-panel .outline-item[data-section-id="s3"] > .outline-row')
    await row.locator('.outline-link').click()
    await eventually(async () => expect(await caretInSection(second)).toBe('s3'))
    // A caret at the heading's start, not the heading selected: a key typed next does not replace it.
    expect(await second.evaluate(() => {
      const { empty, $head } = (document.querySelector('.ProseMirror') as any).editor.state.selection
      return { empty, offset: $head.parentOffset }
    })).toEqual({ empty: true, offset: 0 })
    const before = await headings(first)
    await row.hover()
    await row.getByRole('button', { name: '上移本节' }).click()
    for (const page of [first, second]) await eventually(async () => expect((await headings(page))[0]).toBe(before[2].replace(/^二、/, '一、')))
    await second.locator('.outline-panel .outline-item[data-section-id="s3"] > .outline-row').hover()
    await second.locator('.outline-panel .outline-item[data-section-id="s3"] > .outline-row').getByRole('button', { name: '下移本节' }).click()
    for (const page of [first, second]) await eventually(async () => expect(await headings(page)).toEqual(before))
  })

  it('keeps the page header on the title line as a colleague edits it', async () => {
    const title = await second.getByTestId('document-title').innerText()
    await first.locator('.ProseMirror .doc-title').click()
    await first.keyboard.press('End')
    await first.keyboard.type('（修订）')
    await eventually(async () => expect(await second.getByTestId('document-title').innerText()).toBe(`${title}（修订）`))
    for (let i = 0; i < 4; i++) await first.keyboard.press('Backspace')
    await eventually(async () => expect(await second.getByTestId('document-title').innerText()).toBe(title))
  })

  it('names the document 「（无标题）」 in the header and in the list while its title line is empty', async () => {
    const title = await second.getByTestId('document-title').innerText()
    await first.locator('.ProseMirror .doc-title').click()
    await first.keyboard.press('End')
    await first.keyboard.press('Shift+Home')
    await first.keyboard.press('Backspace')
    for (const page of [first, second]) await eventually(async () => expect(await page.getByTestId('document-title').innerText()).toBe('（无标题）'))
    const list = await second.context().newPage()
    await list.goto(`${server.url}/#/`)
    const row = list.locator(`[data-testid="document-row"][data-document-id="${docId}"]`)
    await eventually(async () => expect(await row.getByTestId('document-link').innerText()).toBe('（无标题）'))
    await list.close()
    await first.keyboard.type(title)
    for (const page of [first, second]) await eventually(async () => expect(await page.getByTestId('document-title').innerText()).toBe(title))
  })
})
