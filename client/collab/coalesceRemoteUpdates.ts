import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'

const MESSAGE_SYNC = 0
/** Hidden tabs get no animation frames; their queue is still applied this often. */
const HIDDEN_FLUSH_MS = 100

type SyncHandler = (encoder: unknown, decoder: decoding.Decoder, provider: WebsocketProvider, emitSynced: boolean, messageType: number) => void

/**
 * Remote edits arrive one WebSocket message each, and the editor binding rebuilds the whole
 * ProseMirror document for every Yjs transaction it observes. With several people typing in a
 * long document that alone fills the main thread and a local key waits behind it. Remote updates
 * received once synced are therefore applied together, in one transaction per animation frame.
 * Sync steps still apply at once, after whatever is queued, so the order never changes.
 */
export function coalesceRemoteUpdates(provider: WebsocketProvider): () => void {
  const handlers = (provider as unknown as { messageHandlers: SyncHandler[] }).messageHandlers
  const original = handlers[MESSAGE_SYNC]
  let queue: Uint8Array[] = []
  let frame = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = () => {
    if (frame) cancelAnimationFrame(frame)
    if (timer) clearTimeout(timer)
    frame = 0
    timer = undefined
    const updates = queue
    queue = []
    if (updates.length === 0) return
    provider.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(provider.doc, update, provider)
    }, provider)
  }

  handlers[MESSAGE_SYNC] = (encoder, decoder, target, emitSynced, messageType) => {
    const peek = decoding.clone(decoder)
    if (provider.synced && decoding.readVarUint(peek) === syncProtocol.messageYjsUpdate) {
      queue.push(decoding.readVarUint8Array(peek))
      if (!frame) frame = requestAnimationFrame(flush)
      if (!timer) timer = setTimeout(flush, HIDDEN_FLUSH_MS)
      return
    }
    flush()
    original(encoder, decoder, target, emitSynced, messageType)
  }
  return () => {
    flush()
    handlers[MESSAGE_SYNC] = original
  }
}
