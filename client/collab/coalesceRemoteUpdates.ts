import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import { afterFrame } from './afterFrame'
import { readPendingSelection } from '../editor/extensions/pendingSelection'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
/** While nobody types here, queued remote edits are applied at most this often. */
const IDLE_INTERVAL_MS = 50
/** While someone types here, the longest a remote edit waits for the next local key. */
const TYPING_MAX_WAIT_MS = 150
/** A key within this long counts as "typing". */
const TYPING_WINDOW_MS = 1000

type SyncHandler = (encoder: unknown, decoder: decoding.Decoder, provider: WebsocketProvider, emitSynced: boolean, messageType: number) => void

/**
 * Remote edits arrive one WebSocket message each, and so does every move of a remote caret;
 * applying one costs the editor a transaction, decorations and a frame, whatever its size. With
 * several people typing in a long document that fills the main thread and every frame, and a
 * local key waits behind them. So remote updates and presence received once synced are queued
 * and applied together, in a task right after a frame (the frame that shows a local key never
 * waits for them):
 * - while the local user types, right after the frame of their next key (or after
 *   TYPING_MAX_WAIT_MS): the next key then finds the main thread free;
 * - otherwise at most every IDLE_INTERVAL_MS.
 * Sync steps still apply at once, after whatever is queued, so the order never changes.
 */
export function coalesceRemoteUpdates(provider: WebsocketProvider): () => void {
  const handlers = (provider as unknown as { messageHandlers: SyncHandler[] }).messageHandlers
  const original = handlers[MESSAGE_SYNC]
  const originalAwareness = handlers[MESSAGE_AWARENESS]
  let queue: Uint8Array[] = []
  let presence: Uint8Array[] = []
  let wait: ReturnType<typeof setTimeout> | undefined
  let lastFlush = -Infinity
  let lastKey = -Infinity

  const flush = () => {
    afterNextFrame.clear()
    clearTimeout(wait)
    wait = undefined
    lastFlush = performance.now()
    const updates = queue
    const presenceUpdates = presence
    queue = []
    presence = []
    if (updates.length) {
      readPendingSelection()
      provider.doc.transact(() => {
        for (const update of updates) Y.applyUpdate(provider.doc, update, provider)
      }, provider)
    }
    // After the text, so that carets resolve against it.
    for (const update of presenceUpdates) awarenessProtocol.applyAwarenessUpdate(provider.awareness, update, provider)
  }

  const afterNextFrame = afterFrame(flush)
  const flushAfterNextFrame = () => {
    clearTimeout(wait)
    wait = undefined
    afterNextFrame.schedule()
  }

  const schedule = () => {
    if (afterNextFrame.scheduled() || wait) return
    const now = performance.now()
    const delay = now - lastKey < TYPING_WINDOW_MS ? TYPING_MAX_WAIT_MS : lastFlush + IDLE_INTERVAL_MS - now
    if (delay <= 0) flushAfterNextFrame()
    else wait = setTimeout(flushAfterNextFrame, delay)
  }

  const onKey = () => {
    lastKey = performance.now()
    if (queue.length || presence.length) flushAfterNextFrame()
  }
  window.addEventListener('keydown', onKey, true)

  handlers[MESSAGE_SYNC] = (encoder, decoder, target, emitSynced, messageType) => {
    const peek = decoding.clone(decoder)
    if (provider.synced && decoding.readVarUint(peek) === syncProtocol.messageYjsUpdate) {
      queue.push(decoding.readVarUint8Array(peek))
      schedule()
      return
    }
    flush()
    readPendingSelection()
    original(encoder, decoder, target, emitSynced, messageType)
  }
  handlers[MESSAGE_AWARENESS] = (encoder, decoder, target, emitSynced, messageType) => {
    if (!provider.synced) return originalAwareness(encoder, decoder, target, emitSynced, messageType)
    presence.push(decoding.readVarUint8Array(decoder))
    schedule()
  }
  return () => {
    flush()
    window.removeEventListener('keydown', onKey, true)
    afterNextFrame.stop()
    handlers[MESSAGE_SYNC] = original
    handlers[MESSAGE_AWARENESS] = originalAwareness
  }
}
