import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'

/** What the room needs to know of a client's update before it applies it. */
export interface UpdateHeader {
  /** No structs and no deletions (a fresh client's answer to the server's step 1). */
  empty: boolean
  /** The first clock the update holds for each client it has structs of. */
  firstClocks: Map<number, number>
}

/**
 * Reads what the room needs from a Yjs (v1) update. An update with structs of one client only
 * (every keystroke) starts with that client's id and first clock, so its header is enough;
 * others are decoded whole. Malformed bytes throw, here or when Yjs applies them; Yjs reads
 * every struct before it integrates any, so an unreadable struct section changes nothing.
 */
export function readUpdateHeader(update: Uint8Array): UpdateHeader {
  const decoder = decoding.createDecoder(update)
  const clients = decoding.readVarUint(decoder)
  if (clients === 0) return { empty: decoding.readVarUint(decoder) === 0, firstClocks: new Map() }
  if (clients === 1) {
    const structs = decoding.readVarUint(decoder)
    const client = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    if (structs > 0) return { empty: false, firstClocks: new Map<number, number>().set(client, clock) }
  }
  const { structs, ds } = Y.decodeUpdate(update)
  const firstClocks = new Map<number, number>()
  for (const { id } of structs) if ((firstClocks.get(id.client) ?? Infinity) > id.clock) firstClocks.set(id.client, id.clock)
  return { empty: structs.length === 0 && ds.clients.size === 0, firstClocks }
}
