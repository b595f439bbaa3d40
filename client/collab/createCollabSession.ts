import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import { closeCodeByNumber } from '../../shared/closeCodes'
import { SCHEMA_VERSION } from '../../shared/schema/version'
import { coalesceRemoteUpdates } from './coalesceRemoteUpdates'
import { sendAfterFrame, type Outbox } from './sendAfterFrame'
import { presenceOnReconnect } from './presenceOnReconnect'

/** One document's Y.Doc, its server connection and its offline copy in IndexedDB. */
export interface CollabSession {
  ydoc: Y.Doc
  provider: WebsocketProvider
  persistence: IndexeddbPersistence
  /** Local changes and caret moves waiting for the next frame to be sent and stored. */
  outbox: Outbox
  destroy(): void
}

export function collabServerUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss' : 'ws'
  return `${protocol}://${window.location.host}/collab`
}

export function createCollabSession(docId: string, token: string): CollabSession {
  const ydoc = new Y.Doc()
  // Offline edits survive a reload and are sent when the connection comes back.
  const persistence = new IndexeddbPersistence(`hegao-${docId}`, ydoc)
  const provider = new WebsocketProvider(collabServerUrl(), docId, ydoc, {
    // The schema this page's editor was built for: the server refuses another one (4426).
    params: { token, schema: String(SCHEMA_VERSION) },
    // Cross-tab broadcast would let a tab pass on changes the server never authorised.
    disableBc: true,
    // Our close-code table decides: 4409 is 4xxx yet must reconnect (after a reset).
    shouldReconnect: (event) => closeCodeByNumber(event.code)?.retry ?? true,
  })
  const stopCoalescing = coalesceRemoteUpdates(provider)
  const stopPresenceFix = presenceOnReconnect(provider)
  const outbox = sendAfterFrame(ydoc, provider, persistence)
  // The socket may take up to 30 s to notice a lost network; the browser knows at once.
  let pausedByOffline = false
  const onOffline = () => {
    if (!provider.shouldConnect) return
    pausedByOffline = true
    provider.disconnect()
  }
  const onOnline = () => {
    if (!pausedByOffline) return
    pausedByOffline = false
    provider.connect()
  }
  window.addEventListener('offline', onOffline)
  window.addEventListener('online', onOnline)
  return {
    ydoc,
    provider,
    persistence,
    outbox,
    destroy() {
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      stopCoalescing()
      stopPresenceFix()
      outbox.stop()
      provider.destroy()
      void persistence.destroy()
      ydoc.destroy()
    },
  }
}
