import { updateYFragment } from '@tiptap/y-tiptap'
import type { DocJSON } from '../../shared/docJson'
import { BODY_FRAGMENT, hegaoSchema } from '../../shared/schema/index'
import { yDocToDocJson } from '../../shared/ydoc'
import type { Rooms } from './rooms'

/** Transaction origin of changes the server makes itself (no connection has it, so all receive it). */
export const SERVER_ORIGIN = 'server'

export type ServerChangeResult = { ok: true; content: DocJSON } | { ok: false; reason: 'not-found' | 'storage' }

/**
 * Makes the live document equal to `content` as one ordinary change: through the room, so it
 * is stored and relayed to every open editor like any edit (Room.onDocUpdate), never a reset.
 * y-tiptap's updateYFragment keeps the Yjs items of unchanged blocks and text, so someone
 * typing in a paragraph the change does not touch keeps their edit. A room loaded only for
 * this is stored and unloaded again.
 */
export function applyServerChange(rooms: Rooms, documentId: string, content: DocJSON): ServerChangeResult {
  const room = rooms.open(documentId)
  if (!room) return { ok: false, reason: 'not-found' }
  try {
    // Validates against the schema before anything is touched: a broken version is refused whole.
    const node = hegaoSchema.nodeFromJSON(content)
    const fragment = room.ydoc.getXmlFragment(BODY_FRAGMENT)
    room.ydoc.transact(() => {
      updateYFragment(room.ydoc, fragment, node, { mapping: new Map(), isOMark: new Map() })
    }, SERVER_ORIGIN)
    // Storing the update failed: the room closed its connections and dropped itself.
    if (room.broken) return { ok: false, reason: 'storage' }
    return { ok: true, content: yDocToDocJson(room.ydoc) }
  } finally {
    if (room.connections.size === 0) rooms.release(room)
  }
}
