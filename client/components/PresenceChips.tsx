import type { PresenceEntry } from '../collab/usePresence'

/** Who is in the document now, in their caret colours. */
export function PresenceChips({ entries }: { entries: PresenceEntry[] }) {
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
