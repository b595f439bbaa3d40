/**
 * When to fold a document's update log into its snapshot. Compacting re-encodes the whole
 * document (tens of milliseconds for a long one) and blocks every room meanwhile, so it waits
 * for a quiet moment instead of landing between keystrokes: once the log holds more than
 * `after` rows, at the first QUIET_MS without a new update, or at once when the log passes
 * HARD_LIMIT_FACTOR × `after` rows while people keep typing.
 */
export const QUIET_MS = 2000
export const HARD_LIMIT_FACTOR = 4

interface Waiting {
  lastAppend: number
  quiet?: NodeJS.Timeout
  now?: NodeJS.Immediate
}

export class CompactionSchedule {
  private readonly waiting = new Map<string, Waiting>()

  constructor(
    private readonly after: number,
    private readonly compact: (documentId: string) => void,
  ) {}

  /** How many compactions are scheduled (for leak checks). */
  get pending(): number {
    return this.waiting.size
  }

  /** Called after each stored update with the log's row count. */
  appended(documentId: string, logRows: number): void {
    if (logRows <= this.after) return
    let entry = this.waiting.get(documentId)
    if (!entry) {
      entry = { lastAppend: Date.now(), quiet: setTimeout(() => this.whenQuiet(documentId), QUIET_MS) }
      this.waiting.set(documentId, entry)
    }
    entry.lastAppend = Date.now()
    if (logRows > this.after * HARD_LIMIT_FACTOR && !entry.now) {
      clearTimeout(entry.quiet)
      entry.now = setImmediate(() => this.run(documentId))
    }
  }

  /** Drops what is scheduled for a document (its room stored a whole snapshot and unloaded). */
  cancel(documentId: string): void {
    const entry = this.waiting.get(documentId)
    if (!entry) return
    clearTimeout(entry.quiet)
    if (entry.now) clearImmediate(entry.now)
    this.waiting.delete(documentId)
  }

  private whenQuiet(documentId: string): void {
    const entry = this.waiting.get(documentId)
    if (!entry || entry.now) return
    const quietFor = Date.now() - entry.lastAppend
    if (quietFor >= QUIET_MS) this.run(documentId)
    else entry.quiet = setTimeout(() => this.whenQuiet(documentId), QUIET_MS - quietFor)
  }

  private run(documentId: string): void {
    this.waiting.delete(documentId)
    this.compact(documentId)
  }
}
