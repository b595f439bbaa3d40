import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { User } from '../db/users'

/** Awareness client ids one connection may speak for (y-websocket uses one per document). */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 4

const HEX_COLOR = /^#[0-9a-fA-F]{3,8}$/

/**
 * Rewrites an awareness update from a client so that it can only speak for itself: entries
 * for client ids that `mayUse` refuses (another connection's, the server's) are dropped, and
 * every state's `user` carries the authenticated account, whatever the client claimed.
 * Throws on undecodable input (the caller refuses the message).
 */
export function stampAwareness(update: Uint8Array, user: User, mayUse: (clientId: number) => boolean): Uint8Array {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: { clientId: number; clock: number; state: string }[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = decoding.readVarString(decoder)
    if (!mayUse(clientId)) continue
    entries.push({ clientId, clock, state: stampState(state, user) })
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.state)
  }
  return encoding.toUint8Array(encoder)
}

function stampState(json: string, user: User): string {
  const parsed: unknown = JSON.parse(json)
  // null is how a client says it left; that needs no identity.
  if (parsed === null) return 'null'
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('awareness state is not an object')
  const state = parsed as Record<string, unknown>
  const claimed = typeof state.user === 'object' && state.user !== null ? (state.user as Record<string, unknown>) : {}
  // The colour is cosmetic and kept only as a hex colour (it ends up in a style attribute);
  // name and account are the server's.
  const color = typeof claimed.color === 'string' && HEX_COLOR.test(claimed.color) ? claimed.color : undefined
  state.user = { ...(color ? { color } : {}), name: user.displayName, username: user.username }
  return JSON.stringify(state)
}
