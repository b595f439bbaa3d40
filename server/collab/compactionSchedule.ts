/**
 * When to fold a document's update log into its snapshot. Compacting re-encodes the whole
 * document (tens of milliseconds for a long one) and blocks every room meanwhile, so it waits
 * for a quiet moment instead of landing between keystrokes: once the log holds more than
 * `after` rows, at the first QUIET_MS without a new update, or at once when the log passes
 * HARD_LIMIT_FACTOR × `after` rows while people keep typing.
 */
export const QUIET_MS = 2000
export const HARD_LIMIT_FACTOR = 4

export class CompactionSchedule {
  private readonly waiting = new Map<string, { lastAppend: number; timer: NodeJS.Timeout | NodeJS.Immediate; immediate: boolean }>()

  constructor(
    private readonly after: number,
    private readonly compact: (documentId: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** How many compactions are scheduled (for leak checks). */
  get pending(): number {
    return this.waiting.size
  }

  /** Called after each stored update with the log's row count. */
  appended(documentId: string, logRows: number): void {
    if (logRows <= this.after) return
    const entry = this.waiting.get(documentId)
    if (logRows > this.after * HARD_LIMIT_FACTOR) {
      if (entry?.immediate) return
      if (entry) clearTimeout(entry.timer as NodeJS.Timeout)
      this.waiting.set(documentId, { lastAppend: this.now(), immediate: true, timer: setImmediate(() => this.run(documentId)) })
      return
    }
    if (entry) {
      entry.lastAppend = this.now()
      return
    }
    this.waiting.set(documentId, { lastAppend: this.now(), immediate: false, timer: setTimeout(() => this.whenQuiet(documentId), QUIET_MS) })
  }

  /** Drops what is scheduled for a document (its room stored a whole snapshot and unloaded). */
  cancel(documentId: string): void {
    const entry = this.waiting.get(documentId)
    if (!entry) return
    if (entry.immediate) clearImmediate(entry.timer as NodeJS.Immediate)
    else clearTimeout(entry.timer as NodeJS.Timeout)
    this.waiting.delete(documentId)
  }

  private whenQuiet(documentId: string): void {
    const entry = this.waiting.get(documentId)
    if (!entry) return
    const quietFor = this.now() - entry.lastAppend
    if (quietFor >= QUIET_MS) this.run(documentId)
    else entry.timer = setTimeout(() => this.whenQuiet(documentId), QUIET_MS - quietFor)
  }

  private run(documentId: string): void {
    this.waiting.delete(documentId)
    this.compact(documentId)
  }
}
