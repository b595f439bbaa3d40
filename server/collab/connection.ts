import type { WebSocket } from 'ws'
import type { User } from '../db/users'
import type { Role } from '../db/documents'
import { log } from '../log'

/** One client's WebSocket in a room, with who it is and what it may do. */
export class Connection {
  /** Awareness client ids this connection has announced (removed when it closes). */
  readonly awarenessIds = new Set<number>()
  alive = true

  constructor(
    readonly ws: WebSocket,
    readonly user: User,
    public role: Role,
  ) {}

  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return
    this.ws.send(message, (error) => {
      if (error) {
        log.warn('collab send failed', { user: this.user.username, error })
        this.ws.terminate()
      }
    })
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason)
  }
}
