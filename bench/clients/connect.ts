import * as Y from 'yjs'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { HocuspocusProvider } from '@hocuspocus/provider'
import type { Awareness } from 'y-protocols/awareness'

export type ServerKind = 'hegao' | 'yws' | 'hocuspocus' | 'floor'

/** Where a simulated client connects: base WebSocket URL, plus our token for hegao. */
export interface Target {
  kind: ServerKind
  wsUrl: string
  token?: string
}

/** One simulated user: its own Y.Doc and awareness, connected with the server's own client. */
export interface BenchClient {
  ydoc: Y.Doc
  awareness: Awareness
  synced: Promise<void>
  destroy(): void
}

export function connect(target: Target, docName: string, ydoc = new Y.Doc()): BenchClient {
  if (target.kind === 'hocuspocus') {
    let markSynced!: () => void
    const synced = new Promise<void>((resolve) => (markSynced = resolve))
    const provider = new HocuspocusProvider({
      url: target.wsUrl,
      name: docName,
      document: ydoc,
      WebSocketPolyfill: WebSocket,
      onSynced: () => markSynced(),
    } as ConstructorParameters<typeof HocuspocusProvider>[0])
    return {
      ydoc,
      awareness: provider.awareness!,
      synced,
      destroy: () => {
        provider.destroy()
        provider.configuration.websocketProvider.destroy()
      },
    }
  }
  // Ours lives under /collab and wants the session token; the reference and the floor take any path.
  const serverUrl = target.kind === 'hegao' ? `${target.wsUrl}/collab` : target.wsUrl
  const provider = new WebsocketProvider(serverUrl, docName, ydoc, {
    params: target.token ? { token: target.token } : {},
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  })
  if (target.kind === 'hegao') sendOwnPresenceOnly(provider)
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    const onSync = (state: boolean) => {
      if (!state) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
  return { ydoc, awareness: provider.awareness, synced, destroy: () => provider.destroy() }
}

/** Connects `count` clients in batches (a burst of 100 handshakes at once measures the OS, not the server). */
export async function connectMany(target: Target, docName: (i: number) => string, count: number, prepare?: (ydoc: Y.Doc, i: number) => void): Promise<BenchClient[]> {
  const clients: BenchClient[] = []
  const batch = 25
  for (let start = 0; start < count; start += batch) {
    const group: BenchClient[] = []
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const ydoc = new Y.Doc()
      prepare?.(ydoc, i)
      group.push(connect(target, docName(i), ydoc))
    }
    await Promise.all(group.map((client) => withTimeout(client.synced, 30_000, 'sync')))
    clients.push(...group)
  }
  return clients
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms))),
  ])
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/**
 * As our client does (client/collab/sendAfterFrame.ts): y-websocket sends every awareness change
 * it sees back to the server, other people's included; our client sends only its own.
 */
function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const send = (provider as unknown as { _awarenessUpdateHandler: (change: AwarenessChange, origin: unknown) => void })._awarenessUpdateHandler
  const me = provider.doc.clientID
  provider.awareness.off('update', send)
  provider.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    if ([...added, ...updated, ...removed].includes(me)) send({ added: [], updated: [me], removed: [] }, origin)
  })
}
