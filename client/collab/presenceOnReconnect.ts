import type { WebsocketProvider } from 'y-websocket'

/**
 * Shows everyone's presence at once after a reconnect, rather than at their next renewal (15 s).
 * When the socket closes, y-websocket forgets the others' presence but keeps the clock each last
 * had; on reconnect the server sends their states with those same clocks, which y-protocols
 * ignores as not newer. Likewise ours: the server told the others it was gone, and the provider
 * re-sends it with the clock of that removal. So on each connect the others' forgotten clocks go
 * and our own state is set again, with a new clock.
 * Returns a function that stops it.
 */
export function presenceOnReconnect(provider: WebsocketProvider): () => void {
  const { awareness } = provider
  const onStatus = ({ status }: { status: string }) => {
    if (status !== 'connected') return
    for (const client of [...awareness.meta.keys()]) {
      if (client !== awareness.clientID && !awareness.states.has(client)) awareness.meta.delete(client)
    }
    const own = awareness.getLocalState()
    if (own) awareness.setLocalState(own)
  }
  provider.on('status', onStatus)
  return () => provider.off('status', onStatus)
}
