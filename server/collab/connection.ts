import type { Duplex } from 'node:stream'
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
    /**
     * The socket under `ws`, for frames built once per broadcast (sendFrame). ws writes to it
     * synchronously (no compression is negotiated and no Blob is ever sent, so its sender never
     * queues), which keeps whole frames from both in order.
     */
    private readonly socket: Duplex,
    readonly user: User,
    public role: Role,
    /** The session (sessionId) it was opened with, so that ending that session closes it. */
    readonly session: string,
    /** What may wait in the send queue of a client that does not read before it is dropped. */
    private readonly maxBufferedBytes = Number.POSITIVE_INFINITY,
  ) {}

  send(message: Uint8Array): void {
    // No callback per send: a socket whose write fails emits 'error', and ws closes it.
    if (this.mayWrite()) this.ws.send(message)
  }

  /** Sends a message already framed by binaryFrame (the same bytes for every connection of a room). */
  sendFrame(frame: Buffer): void {
    if (this.mayWrite()) this.socket.write(frame)
  }

  /** Sends several framed messages in one socket write (see UpdateRelay). */
  sendFrames(frames: Buffer[]): void {
    if (this.mayWrite()) this.socket.write(frames.length === 1 ? frames[0] : Buffer.concat(frames))
  }

  private mayWrite(): boolean {
    if (this.ws.readyState !== this.ws.OPEN) return false
    // A client that stops reading would otherwise make the server hold everything for it.
    // What is already queued counts, so one large message (a first sync) still goes out.
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      log.warn('collab client too slow; dropped', { user: this.user.username, buffered: this.ws.bufferedAmount })
      this.ws.terminate()
      return false
    }
    return true
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason)
  }
}
