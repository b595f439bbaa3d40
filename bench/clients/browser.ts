// In headless Chromium against our server: navigation → editable and synced, then keypress
// latency in a long document while other clients type (they run in another process).
import type { CDPSession, Page } from 'playwright-core'
import { launchBrowser } from '../../tests/helpers/browser'
import { emit, readConfig } from '../lib/io'
import fs from 'node:fs'
import { median } from '../lib/stats'
import { topSelfTime } from '../lib/profile'

interface Config {
  url: string
  doc: string
  token: string
  user: unknown
  navigations: number
  keys: number
  /** Where to write a CPU profile of the page taken while the keys are pressed (BENCH_PROFILE=1). */
  profile?: string
}

const config = readConfig<Config>()
const browser = await launchBrowser()

async function openEditor(): Promise<{ page: Page; ms: number }> {
  // A fresh context each time: nothing cached, no IndexedDB copy of the document.
  // bypassCSP: the page's policy forbids evaluating source text, which the measuring code is.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true })
  await context.addInitScript(`localStorage.setItem('hegao.token', ${JSON.stringify(config.token)}); localStorage.setItem('hegao.user', ${JSON.stringify(JSON.stringify(config.user))})`)
  const page = await context.newPage()
  await page.goto(`${config.url}/#/documents/${config.doc}`)
  // performance.now() counts from the start of the navigation.
  const handle = await page.waitForFunction(
    `(() => {
      const editor = document.querySelector('.ProseMirror[contenteditable="true"]')
      const status = document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-status')
      return editor && editor.textContent.length > 0 && status === 'connected' ? performance.now() : false
    })()`,
    undefined,
    { polling: 'raf', timeout: 30_000 },
  )
  return { page, ms: (await handle.jsonValue()) as number }
}

const navigations: number[] = []
let page: Page | undefined
for (let i = 0; i < config.navigations; i++) {
  const opened = await openEditor()
  navigations.push(opened.ms)
  if (i < config.navigations - 1) await opened.page.context().close()
  else page = opened.page
}
emit({ type: 'opened', navigations })
const editorPage = page!
const documentLength = await editorPage.evaluate(`document.querySelector('.ProseMirror').textContent.length`)

/**
 * Presses `q` config.keys times at the end of a paragraph in the middle of `root` and returns
 * each key's latency. Passed as source text: the TypeScript loader would add helpers to a
 * function that the page lacks.
 */
export interface KeyLatencies {
  /** keydown → the paragraph's DOM holds the key (a MutationObserver's callback: the key's handlers have returned). */
  dom: number[]
  /** keydown → the next task (Chromium often renders a frame first, which this then includes). */
  nextTask: number[]
  /** keydown → the next frame has been produced. */
  frame: number[]
  /** keydown → the page's first keydown listener runs (waiting behind other tasks, the input pipeline). */
  wait: number[]
  missing: number
}

async function measureKeys(target: Page, root: string, cdp?: CDPSession): Promise<KeyLatencies> {
  const paragraphs = target.locator(`${root} p`)
  const paragraph = paragraphs.nth(Math.floor((await paragraphs.count()) / 2))
  await paragraph.scrollIntoViewIfNeeded()
  await paragraph.click()
  await target.keyboard.press('End')
  await target.evaluate(`(() => {
    const w = window
    w.__keyLatency = { dom: [], nextTask: [], frame: [], wait: [], missing: 0 }
    const editor = document.querySelector(${JSON.stringify(root)})
    const count = (text) => text.split('q').length - 1
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'q') return
      // The event's own timestamp: time spent waiting behind remote updates counts.
      const t0 = event.timeStamp
      w.__keyLatency.wait.push(performance.now() - t0)
      const paragraph = window.getSelection()?.anchorNode?.parentElement?.closest('p') ?? editor
      const before = count(paragraph.textContent ?? '')
      // Mutation callbacks run once the script that changed the DOM has returned: for the editor,
      // after its keypress handler (the transaction, the DOM, the selection, the Yjs binding); for
      // the bare contenteditable, after the browser's own insertion.
      let seen = false
      const observer = new MutationObserver(() => {
        if (seen || count(paragraph.textContent ?? '') <= before) return
        seen = true
        observer.disconnect()
        w.__keyLatency.dom.push(performance.now() - t0)
      })
      observer.observe(paragraph, { characterData: true, childList: true, subtree: true })
      const channel = new MessageChannel()
      channel.port2.onmessage = () => {
        observer.disconnect()
        if (seen) w.__keyLatency.nextTask.push(performance.now() - t0)
        else w.__keyLatency.missing++
      }
      channel.port1.postMessage(null)
      requestAnimationFrame(() => setTimeout(() => w.__keyLatency.frame.push(performance.now() - t0)))
    }, { capture: true })
  })()`)
  if (cdp) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.start')
  }
  if (process.env.BENCH_TRACE && root === '.ProseMirror') await browser.startTracing(target, { path: process.env.BENCH_TRACE, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] })
  for (let i = 0; i < config.keys; i++) {
    await target.keyboard.press('q')
    await target.waitForTimeout(60 + (i % 5) * 10)
  }
  await target.waitForTimeout(300)
  if (process.env.BENCH_TRACE && root === '.ProseMirror') await browser.stopTracing()
  return (await target.evaluate(`window.__keyLatency`)) as KeyLatencies
}

const cdp = config.profile ? await editorPage.context().newCDPSession(editorPage) : undefined
const latency = await measureKeys(editorPage, '.ProseMirror', cdp)
if (cdp) {
  const { profile } = await cdp.send('Profiler.stop')
  fs.writeFileSync(config.profile!, JSON.stringify(profile))
  emit({ type: 'profile', file: config.profile, top: topSelfTime(profile) })
}

// The floor: the same measurement on a bare contenteditable holding the same paragraphs, no editor,
// no Yjs, no other typists. What the browser and the measuring method cost by themselves.
const paragraphTexts = (await editorPage.locator('.ProseMirror p').allTextContents()) as string[]
const floorPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
await floorPage.setContent('<div id="floor" contenteditable="true" style="width:600px;font-size:16px"></div>')
await floorPage.evaluate(`(() => {
  const root = document.getElementById('floor')
  for (const text of ${JSON.stringify(paragraphTexts)}) {
    const p = document.createElement('p')
    p.textContent = text
    root.appendChild(p)
  }
})()`)
const floor = await measureKeys(floorPage, '#floor')

emit({ type: 'result', navigations, navigationMedian: median(navigations), latency, floor, documentLength })
await browser.close()
process.exit(0)
