import type * as Y from 'yjs'
import type { Connection } from './connection'

/** A client's update while Yjs applies it. */
export interface Applying {
  from: Connection
  /** Stored and relayed as sent, without Yjs encoding its transaction (see Room.applyGuarded). */
  asSent: boolean
  /** The first clock it holds for each client it has structs of. */
  firstClocks: Map<number, number>
  /** What Yjs held back before it applied (updates waiting for what they need). */
  pendingBefore: { structs: Uint8Array | undefined; ds: Uint8Array | null }
  /** The transaction Yjs applies it in. */
  transaction?: Y.Transaction
  /** What the apply's transactions produced, stored and relayed only if it applied whole, each with its origin. */
  held: { update: Uint8Array; origin: unknown }[]
}

// Plain functions rather than closures made for each update: tsx keeps function names, and
// that costs a defineProperty for every closure made (2 % of the server's CPU while 20 people type).

/** Whether the update's own transaction changed the content: structs of its clients, or deletions. */
export function integrated({ transaction, firstClocks }: Applying): boolean {
  if (!transaction) return false
  if (transaction.deleteSet.clients.size > 0) return true
  for (const client of firstClocks.keys()) if (transaction.afterState.get(client) !== transaction.beforeState.get(client)) return true
  return false
}

/** Whether what Yjs holds back (updates waiting for what they need) changed during the apply. */
export function pendingChanged({ pendingBefore }: Applying, store: Y.Doc['store']): boolean {
  return store.pendingStructs?.update !== pendingBefore.structs || store.pendingDs !== pendingBefore.ds
}
