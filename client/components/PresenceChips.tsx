import type { WebsocketProvider } from 'y-websocket'
import { usePresence } from '../collab/usePresence'

/** Who is in the document now, in their caret colours; it follows every awareness change, so it re-renders alone. */
export function PresenceChips({ provider }: { provider: WebsocketProvider | null }) {
  const entries = usePresence(provider)
  return (
    <div className="presence" data-testid="presence" aria-label="在线成员">
      {entries.map((entry) => (
        <span key={entry.username} className="presence-chip" style={{ backgroundColor: entry.color }} data-testid="presence-chip" data-username={entry.username} title={entry.username}>
          {entry.name}{entry.self ? '（我）' : ''}
        </span>
      ))}
    </div>
  )
}
