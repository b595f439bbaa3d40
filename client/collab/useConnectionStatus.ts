import { useEffect, useState } from 'react'
import type { CollabSession } from './createCollabSession'
import { CloseCodes, closeCodeByNumber } from '../../shared/closeCodes'

export type ConnectionStatus = 'connected' | 'syncing' | 'offline' | 'unsent' | 'restarting' | 'storage'

export const connectionStatusLabels: Record<ConnectionStatus, string> = {
  connected: '已连接',
  syncing: '同步中',
  offline: '离线',
  unsent: '有未发送的更改',
  restarting: '服务器正在重启',
  storage: '服务器暂时无法保存，正在重试',
}

/** Close codes after which the client waits for the server to come back, with their status. */
const WAITING_FOR_SERVER = new Map<number, ConnectionStatus>([
  [CloseCodes.ServerRestarting.code, 'restarting'],
  [CloseCodes.StorageUnavailable.code, 'storage'],
])

/**
 * While connected, a local change shows as "syncing" only if it is still not sent after this
 * long: every key would otherwise flip the badge and back (and redraw the header each time).
 */
const SEND_GRACE_MS = 1000

/**
 * Whether the server has what this window typed. y-websocket sends no acknowledgements, so
 * "sent" means: connected, synced, nothing waiting in the outbox, and the socket's send buffer
 * drained after the last local change. Local changes made while disconnected stay "unsent"
 * until the next sync.
 */
export function useConnectionStatus(session: CollabSession | null): ConnectionStatus {
  const [status, setStatus] = useState<ConnectionStatus>('syncing')

  useEffect(() => {
    if (!session) return
    const { ydoc, provider, persistence, outbox } = session
    let unsent = false
    /** When the oldest change not yet known to be sent was made. */
    let unsentSince = 0
    // Set by a "server restarting" / "storage unavailable" close.
    let waiting: ConnectionStatus | undefined

    const compute = () => {
      const ws = provider.ws
      if (unsent && provider.wsconnected && provider.synced && ws && ws.bufferedAmount === 0 && !outbox.pending()) unsent = false
      let next: ConnectionStatus
      if (!provider.wsconnected && waiting && provider.shouldConnect) next = waiting
      else if (!provider.wsconnected) next = unsent ? 'unsent' : provider.wsconnecting && provider.shouldConnect ? 'syncing' : 'offline'
      else if (!provider.synced || (unsent && performance.now() - unsentSince >= SEND_GRACE_MS)) next = 'syncing'
      else next = 'connected'
      setStatus(next)
    }

    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      // Only changes made in this window count; those from the server or IndexedDB are not ours to send.
      if (origin === provider || origin === persistence) return
      if (!unsent) unsentSince = performance.now()
      unsent = true
      // Connected, it is about to be sent: the poll below catches one that stays unsent.
      if (!provider.wsconnected) compute()
    }
    const onClose = (event: CloseEvent | null) => {
      const next = event ? WAITING_FOR_SERVER.get(event.code) : undefined
      // Failed attempts while the server is down (1006) keep the state; a final refusal ends it.
      if (next) waiting = next
      else if (event && closeCodeByNumber(event.code)?.retry === false) waiting = undefined
      compute()
    }
    // Cleared by the next completed sync only: at the close itself the provider still reads as synced.
    const onSync = (synced: boolean) => {
      if (synced) waiting = undefined
      compute()
    }
    ydoc.on('update', onUpdate)
    provider.on('connection-close', onClose)
    provider.on('status', compute)
    provider.on('sync', onSync)
    // The buffer drains without an event; a light poll notices it.
    const timer = window.setInterval(compute, 500)
    compute()
    return () => {
      ydoc.off('update', onUpdate)
      provider.off('connection-close', onClose)
      provider.off('status', compute)
      provider.off('sync', onSync)
      window.clearInterval(timer)
    }
  }, [session])

  return status
}
