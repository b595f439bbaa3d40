import { connectionStatusLabels, type ConnectionStatus } from '../collab/useConnectionStatus'

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  return (
    <span className={`connection connection-${status}`} data-testid="connection-status" data-status={status} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {connectionStatusLabels[status]}
    </span>
  )
}
