import { useEffect, useState } from 'react'
import type { CollabSession } from './createCollabSession'

export type ConnectionStatus = 'connected' | 'syncing' | 'offline' | 'unsent'

export const connectionStatusLabels: Record<ConnectionStatus, string> = {
  connected: '已连接',
  syncing: '同步中',
  offline: '离线',
  unsent: '有未发送的更改',
}

/**
 * Whether the server has what this window typed. y-websocket sends no acknowledgements, so
 * "sent" means: connected, synced, and the socket's send buffer drained after the last local
 * change. Local changes made while disconnected stay "unsent" until the next sync.
 */
export function useConnectionStatus(session: CollabSession | null): ConnectionStatus {
  const [status, setStatus] = useState<ConnectionStatus>('syncing')

  useEffect(() => {
    if (!session) return
    const { ydoc, provider, persistence } = session
    let unsent = false

    const compute = () => {
      const ws = provider.ws
      if (unsent && provider.wsconnected && provider.synced && ws && ws.bufferedAmount === 0) unsent = false
      let next: ConnectionStatus
      if (!provider.wsconnected) next = unsent ? 'unsent' : provider.wsconnecting && provider.shouldConnect ? 'syncing' : 'offline'
      else if (!provider.synced || unsent) next = 'syncing'
      else next = 'connected'
      setStatus(next)
    }

    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      // Only changes made in this window count; those from the server or IndexedDB are not ours to send.
      if (origin === provider || origin === persistence) return
      unsent = true
      compute()
    }
    ydoc.on('update', onUpdate)
    provider.on('status', compute)
    provider.on('sync', compute)
    // The buffer drains without an event; a light poll notices it.
    const timer = window.setInterval(compute, 500)
    compute()
    return () => {
      ydoc.off('update', onUpdate)
      provider.off('status', compute)
      provider.off('sync', compute)
      window.clearInterval(timer)
    }
  }, [session])

  return status
}
