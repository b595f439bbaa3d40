import type { EventKind } from '../../shared/documentEvents'

export type EventListener = (kind: EventKind) => void

/** In-process publish/subscribe of document changes, per document id. */
export class DocumentEvents {
  private listeners = new Map<string, Set<EventListener>>()

  subscribe(documentId: string, listener: EventListener): () => void {
    let set = this.listeners.get(documentId)
    if (!set) this.listeners.set(documentId, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      // Do not keep an empty set per document ever opened.
      if (set.size === 0 && this.listeners.get(documentId) === set) this.listeners.delete(documentId)
    }
  }

  publish(documentId: string, kind: EventKind): void {
    const set = this.listeners.get(documentId)
    if (!set) return
    for (const listener of [...set]) listener(kind)
  }

  /** How many listeners are registered (for leak checks). */
  get size(): number {
    let total = 0
    for (const set of this.listeners.values()) total += set.size
    return total
  }
}
