import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/** The awareness `user` field every Hegao client publishes. */
export interface PresenceUser { name: string; color: string; username: string }
export interface PresenceEntry extends PresenceUser { clientId: number; self: boolean }

/** Who has the document open right now (one entry per user, yourself first). */
export function usePresence(provider: WebsocketProvider | null): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>([])

  useEffect(() => {
    if (!provider) return
    const awareness = provider.awareness
    const compute = () => {
      const seen = new Map<string, PresenceEntry>()
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: Partial<PresenceUser> }).user
        if (!user?.name) return
        const self = clientId === awareness.clientID
        const key = user.username ?? user.name
        const existing = seen.get(key)
        if (existing && !self) return
        seen.set(key, { name: user.name, color: user.color ?? '#868e96', username: user.username ?? user.name, clientId, self: self || !!existing?.self })
      })
      const list = [...seen.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'zh-CN'))
      setEntries(list)
    }
    awareness.on('change', compute)
    compute()
    return () => awareness.off('change', compute)
  }, [provider])

  return entries
}
