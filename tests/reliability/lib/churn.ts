import * as Y from 'yjs'
import type { ServerStats } from '../../../server/app'
import { eventually } from '../../helpers/retry'
import { rawClient, syncStep1Message } from './clients'
import type { ServerProcess } from './serverProcess'

export interface ChurnResult {
  cycles: number
  documents: number
  before: ServerStats
  after: ServerStats
}

const EMPTY_STEP1 = syncStep1Message(new Y.Doc())

/** One WebSocket session: connect, sync (step 1 out, both steps in), close. Every 10th also an event stream. */
async function cycle(server: ServerProcess, documentId: string, token: string, withEvents: boolean): Promise<void> {
  const socket = await rawClient(server.wsUrl, documentId, token)
  socket.ws.send(EMPTY_STEP1)
  await eventually(() => {
    if (socket.received.length < 2) throw new Error('not synced')
  }, { interval: 2 })
  socket.ws.close()
  await socket.closed
  if (withEvents) {
    const abort = new AbortController()
    const response = await fetch(`${server.url}/api/documents/${documentId}/events?token=${token}`, { signal: abort.signal })
    if (response.status !== 200) throw new Error(`event stream: ${response.status}`)
    abort.abort()
  }
}

/**
 * `cycles` connect/sync/disconnect cycles spread over `documents` documents, `concurrency` at a
 * time; returns the server's own figures before (after a warm-up) and after, once idle.
 */
export async function churn(server: ServerProcess, cycles: number, documents: number, concurrency = 16): Promise<ChurnResult> {
  // Two accounts, so the concurrent sessions stay within the per-user connection limit.
  const tokens = [await server.user('churn-a'), await server.user('churn-b')]
  const ids: string[] = []
  for (let i = 0; i < documents; i++) ids.push(await server.createDocument(tokens[i % 2], { title: `周转${i}` }))
  const run = async (count: number, offset: number) => {
    let next = 0
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        const index = (offset + i) % ids.length
        await cycle(server, ids[index], tokens[index % 2], i % 10 === 0)
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
  }
  await run(Math.min(200, cycles), 0)
  // Idle HTTP keep-alive sockets hold a timer for up to 5 s (keepAliveTimeout): wait them out.
  const idle = async (timers = Number.POSITIVE_INFINITY) =>
    eventually(
      async () => {
        const stats = await server.stats()
        if (stats.rooms + stats.sockets + stats.handshakes + stats.eventListeners + stats.users > 0 || stats.timers > timers) {
          throw new Error(`not idle: ${JSON.stringify(stats)}`)
        }
        return stats
      },
      { timeout: 15_000, interval: 200 },
    )
  const before = await idle()
  await run(cycles, 0)
  const after = await idle(before.timers)
  return { cycles, documents, before, after }
}
