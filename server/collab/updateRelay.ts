import type { Connection } from './connection'

/**
 * Sends a room's stored updates to its connections, coalescing those that follow each other
 * closely. An update after a quiet moment goes out at once and opens a window of `windowMs`;
 * updates stored within it wait for its end and then go out together, one socket write per
 * connection, and open the next window. While many people type at once, socket writes are the
 * largest part of the server's work (a third of its CPU with 20 typists, bench/FINDINGS.md §3),
 * and coalescing leaves fewer than 6 writes in 10; what it holds waits at most `windowMs`, less
 * than the display frame it is drawn in. Updates further apart than the window, as one typist's
 * keys are, and the first after any pause, are never held. 0 turns coalescing off.
 */
export class UpdateRelay {
  /** Frames waiting for the window's end, per connection, in the order they were stored. */
  private readonly waiting = new Map<Connection, Buffer[]>()
  /** Set while a window is open: it ends by flushing (or closing the window, if nothing waits). */
  private window: NodeJS.Timeout | undefined
  private windowOpen = false

  constructor(
    private readonly connections: ReadonlySet<Connection>,
    private readonly windowMs: number,
  ) {}

  /** Sends one framed update to every connection but its sender (the origin). */
  send(frame: Buffer, origin: unknown): void {
    if (!this.windowOpen) {
      for (const connection of this.connections) if (connection !== origin) connection.sendFrame(frame)
      this.openWindow()
      return
    }
    for (const connection of this.connections) {
      if (connection === origin) continue
      const frames = this.waiting.get(connection)
      if (frames) frames.push(frame)
      else this.waiting.set(connection, [frame])
    }
  }

  /**
   * Sends a frame to every connection without letting it overtake the updates waiting for one:
   * presence names positions in their text. Where nothing waits, it goes out at once.
   */
  sendBehindWaiting(frame: Buffer): void {
    for (const connection of this.connections) {
      const frames = this.waiting.get(connection)
      if (frames) frames.push(frame)
      else connection.sendFrame(frame)
    }
  }

  private openWindow(): void {
    if (this.windowMs <= 0) return
    this.windowOpen = true
    // One timer per room, rescheduled rather than made anew for each window.
    if (this.window) this.window.refresh()
    else this.window = setTimeout(this.endWindow, this.windowMs).unref()
  }

  private endWindow = (): void => {
    if (this.waiting.size === 0) {
      this.windowOpen = false
      return
    }
    // A connection that left meanwhile is skipped: it resyncs from the document when it returns.
    for (const [connection, frames] of this.waiting) if (this.connections.has(connection)) connection.sendFrames(frames)
    this.waiting.clear()
    this.window!.refresh()
  }

  /** Stops the timer; what waits is dropped with the room (its connections are closing). */
  destroy(): void {
    clearTimeout(this.window)
    this.window = undefined
    this.waiting.clear()
    this.windowOpen = false
  }
}
