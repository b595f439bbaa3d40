import { connectionStatusLabels, useConnectionStatus } from '../collab/useConnectionStatus'
import type { CollabSession } from '../collab/createCollabSession'

/** The connection state; it follows every local change, so it re-renders alone, not the page. */
export function ConnectionBadge({ session }: { session: CollabSession | null }) {
  const status = useConnectionStatus(session)
  return (
    <span className={`connection connection-${status}`} data-testid="connection-status" data-status={status} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {connectionStatusLabels[status]}
    </span>
  )
}
