import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { IndexeddbPersistence } from 'y-indexeddb'
import { afterFrame } from './afterFrame'

type UpdateHandler = (update: Uint8Array, origin: unknown) => void
type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }
type AwarenessHandler = (change: AwarenessChange, origin: unknown) => void

/** What the outbox needs of the providers (their handlers are not in their type definitions). */
interface Handlers {
  provider: WebsocketProvider & { _updateHandler: UpdateHandler; _awarenessUpdateHandler: AwarenessHandler }
  persistence: IndexeddbPersistence & { _storeUpdate: UpdateHandler }
}

export interface Outbox {
  /** Whether a local change or caret move is waiting to be sent. */
  pending(): boolean
  /** Sends and stores everything waiting, now. */
  flush(): void
  stop(): void
}

/**
 * Sending a local change to the server, storing it in IndexedDB and sending the caret that
 * moved with it cost 1–7 ms per key (an IndexedDB transaction, socket sends, encoding), and
 * nothing on screen waits for them. They run right after the frame that shows the key, in
 * order; changes from the server or from IndexedDB are not delayed (whatever waits goes first).
 * Presence: only this window's own state is sent (not echoed back like y-websocket does).
 * Everything waiting goes out at once when the page is hidden or the session ends.
 */
export function sendAfterFrame(ydoc: Y.Doc, wsProvider: WebsocketProvider, idbPersistence: IndexeddbPersistence): Outbox {
  const provider = wsProvider as Handlers['provider']
  const persistence = idbPersistence as Handlers['persistence']
  const send = provider._updateHandler
  const store = persistence._storeUpdate
  const sendAwareness = provider._awarenessUpdateHandler
  let updates: { update: Uint8Array; origin: unknown }[] = []
  let caretMoved = false
  const me = ydoc.clientID

  const flush = () => {
    later.clear()
    const waiting = updates
    const moved = caretMoved
    updates = []
    caretMoved = false
    for (const { update, origin } of waiting) {
      send(update, origin)
      store(update, origin)
    }
    if (moved) sendAwareness({ added: [], updated: [me], removed: [] }, null)
  }
  const later = afterFrame(flush)
  // A hidden page draws no frames (and its timers are throttled): nothing to wait for there.
  const sendSoon = () => (document.hidden ? flush() : later.schedule())

  const onUpdate: UpdateHandler = (update, origin) => {
    if (origin === provider || origin === persistence) {
      flush()
      send(update, origin)
      store(update, origin)
      return
    }
    updates.push({ update, origin })
    sendSoon()
  }
  const onAwareness: AwarenessHandler = ({ added, updated, removed }) => {
    // Other people's presence came from the server: y-websocket would send it back, and the
    // server drops what a connection says about anyone else.
    if (!updated.includes(me) && !added.includes(me) && !removed.includes(me)) return
    caretMoved = true
    // Arriving and leaving go at once; a moved caret waits for the frame like the text.
    if (added.includes(me) || removed.includes(me)) flush()
    else sendSoon()
  }
  const onHidden = () => {
    if (document.hidden) flush()
  }

  ydoc.off('update', send)
  ydoc.off('update', store)
  provider.awareness.off('update', sendAwareness)
  ydoc.on('update', onUpdate)
  provider.awareness.on('update', onAwareness)
  window.addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', onHidden)
  return {
    pending: () => updates.length > 0 || caretMoved,
    flush,
    stop() {
      flush()
      later.stop()
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onHidden)
      ydoc.off('update', onUpdate)
      provider.awareness.off('update', onAwareness)
      // Handed back, so the providers' own destroy() removes them as usual.
      ydoc.on('update', send)
      ydoc.on('update', store)
      provider.awareness.on('update', sendAwareness)
    },
  }
}
