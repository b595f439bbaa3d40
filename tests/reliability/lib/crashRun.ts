import { loadYDoc } from '../../../server/db/updates'
import { eventually } from '../../helpers/retry'
import { appendParagraph, fragmentText, yClient, type YClient } from './clients'
import type { ServerProcess } from './serverProcess'

export interface CrashResult {
  typists: number
  /** Paragraphs typed in all, before, during and after the outage. */
  typed: number
  /** Distinct paragraphs some client had received from the server when it was killed. */
  seen: number
  /** Of those, how many were missing from the database after the kill. Must be 0. */
  lost: number
}

const USERS_PER_RUN = 4
/** Typed paragraphs, as opposed to the title and empty paragraph a new document starts with. */
const TOKEN = /^r\d+c\d+n\d+$/
const tokensOf = (client: YClient) => client.paragraphs().filter((p) => TOKEN.test(p))

/**
 * One crash run: `typists` y-websocket clients type into one document; the server is killed
 * with SIGKILL mid-typing. What any client had received from the server (it relays only what
 * it stored) must be in the database; after a restart on the same port the clients reconnect
 * by themselves, merge what they typed meanwhile, and all end with every paragraph exactly once.
 */
export async function crashRun(server: ServerProcess, run: number, typists = 20, typingMs = 1000): Promise<CrashResult> {
  const names = Array.from({ length: USERS_PER_RUN }, (_, i) => `crash${run}u${i}`)
  const tokens = await Promise.all(names.map((name) => server.user(name)))
  const documentId = await server.createDocument(tokens[0], { title: `崩溃测试 ${run}` })
  for (const name of names.slice(1)) await server.share(tokens[0], documentId, name, 'editor')

  const clients: YClient[] = []
  const typed: string[][] = []
  const timers: NodeJS.Timeout[] = []
  try {
    for (let i = 0; i < typists; i++) {
      clients.push(yClient(server.wsUrl, documentId, tokens[i % USERS_PER_RUN]))
      typed.push([])
    }
    await eventually(() => {
      if (!clients.every((c) => c.provider.synced)) throw new Error('not synced yet')
    }, { timeout: 20_000 })

    clients.forEach((client, i) => {
      let n = 0
      timers.push(
        setInterval(() => {
          const token = `r${run}c${i}n${n++}`
          typed[i].push(token)
          appendParagraph(client.doc, token)
        }, 30 + (i % 5) * 5),
      )
    })
    await new Promise((resolve) => setTimeout(resolve, typingMs))
    await server.kill('SIGKILL')

    // Received from the server = typed by someone else; the server relays only what it stored.
    const seen = new Set<string>()
    clients.forEach((client, i) => {
      for (const paragraph of tokensOf(client)) if (!paragraph.startsWith(`r${run}c${i}n`)) seen.add(paragraph)
    })
    const db = server.openDb()
    let stored: Set<string>
    try {
      const ydoc = loadYDoc(db, documentId)!
      stored = new Set(fragmentText(ydoc).split('\n'))
      ydoc.destroy()
    } finally {
      db.close()
    }
    const lost = [...seen].filter((token) => !stored.has(token)).length

    // The clients keep typing while the server is down and while it comes back.
    await server.restart()
    await new Promise((resolve) => setTimeout(resolve, 300))
    for (const timer of timers.splice(0)) clearInterval(timer)

    const all = typed.flat().sort()
    await eventually(
      () => {
        for (const client of clients) {
          const paragraphs = tokensOf(client)
          if (paragraphs.length !== all.length) throw new Error(`client has ${paragraphs.length} paragraphs, ${all.length} were typed`)
          if (paragraphs.slice().sort().join('\n') !== all.join('\n')) throw new Error('client text differs from what was typed')
        }
      },
      { timeout: 25_000, interval: 100 },
    )
    // And the server stored the merged result: a fresh client gets the same.
    const fresh = yClient(server.wsUrl, documentId, tokens[0])
    clients.push(fresh)
    await eventually(() => {
      if (tokensOf(fresh).slice().sort().join('\n') !== all.join('\n')) throw new Error('fresh client differs')
    }, { timeout: 10_000 })
    return { typists, typed: all.length, seen: seen.size, lost }
  } finally {
    for (const timer of timers) clearInterval(timer)
    for (const client of clients) client.destroy()
  }
}
