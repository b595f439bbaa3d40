import * as Y from 'yjs'
import type { Db } from '../db/database'
import { getDocument, getRole, getStatus, setTitle, statusWriteCount, touchDocument, type Status } from '../db/documents'
import { titleOf } from '../seedDocument'
import { appendUpdate, logPosition, loadYDoc, readStoredState, snapshotStateVector, storeSnapshot } from '../db/updates'
import { yDocTitleContent, yDocToDocJson } from '../../shared/ydoc'
import type { DocJSON } from '../../shared/docJson'
import { CloseCodes } from '../../shared/closeCodes'
import { BODY_FRAGMENT } from '../../shared/schema/index'
import { log } from '../log'
import { Room } from './room'

/**
 * The loaded documents. A room is loaded when its first connection arrives and stored and
 * unloaded when its last one leaves; all of this is synchronous (better-sqlite3), so a
 * connection arriving during an unload cannot see a half-stored room.
 */
export class Rooms {
  private rooms = new Map<string, Room>()
  private compactionPending = new Set<string>()

  constructor(
    private readonly db: Db,
    private readonly compactAfter: number,
    private readonly maxPendingBytes = Number.POSITIVE_INFINITY,
    private readonly relayWindowMs = 0,
  ) {}

  /** What is loaded right now (for leak checks after churn). */
  stats(): { rooms: number; connections: number; compactionsPending: number } {
    let connections = 0
    for (const room of this.rooms.values()) connections += room.connections.size
    return { rooms: this.rooms.size, connections, compactionsPending: this.compactionPending.size }
  }

  get(id: string): Room | undefined {
    return this.rooms.get(id)
  }

  /**
   * The loaded room, or loads it from storage; undefined if the document does not exist.
   * Throws CorruptDocumentError when the stored content cannot be read: the document is
   * refused, never opened empty (an empty room would store itself over the real content).
   */
  open(id: string): Room | undefined {
    const existing = this.rooms.get(id)
    if (existing) return existing
    if (!getDocument(this.db, id)) return undefined
    const stored = readStoredState(this.db, id)
    // Read here once; compaction empties the log, so the count restarts then (the numbering goes on).
    let { rows: logRows, lastSeq } = logPosition(this.db, id)
    let status: { value: Status; writes: number } | undefined
    const room = new Room(
      id,
      // The snapshot's state vector is the stored state's only while no update is logged after it.
      stored && { state: stored, stateVector: logRows === 0 ? snapshotStateVector(this.db, id) : undefined },
      {
        append: (update) => {
          appendUpdate(this.db, id, ++lastSeq, update)
          if (++logRows > this.compactAfter) this.scheduleCompaction(room, () => (logRows = 0))
        },
        // Read again after any status write in this process: a lock takes effect between two messages.
        status: () => {
          const writes = statusWriteCount()
          if (status?.writes !== writes) status = { value: getStatus(this.db, id) ?? 'draft', writes }
          return status.value
        },
      },
      (broken) => this.forget(broken),
      this.maxPendingBytes,
      this.relayWindowMs,
    )
    this.rooms.set(id, room)
    log.debug('room loaded', { room: id })
    return room
  }

  /** Called when a connection left: the last one out stores and unloads the room. */
  release(room: Room): void {
    if (room.connections.size > 0 || this.rooms.get(room.id) !== room) return
    this.store(room)
    this.forget(room)
    log.debug('room unloaded', { room: room.id })
  }

  /** The current content of a document: live if loaded, else from storage. */
  docJson(id: string): DocJSON | undefined {
    const room = this.rooms.get(id)
    if (room) return yDocToDocJson(room.ydoc)
    const ydoc = loadYDoc(this.db, id)
    if (!ydoc) return undefined
    try {
      return yDocToDocJson(ydoc)
    } finally {
      ydoc.destroy()
    }
  }

  /**
   * The title line of a loaded document as edited, for the list: the stored record's title
   * follows it only when the room is stored. Undefined if not loaded; empty if the line is
   * (listed as such, 「（无标题）」, not as the title it had before). Undefined too while the room
   * is unchanged since it was loaded: the record holds its title then, and a list request need not
   * apply a stored state the room has not applied yet (see Room.materialize).
   */
  liveTitle(id: string): string | undefined {
    const room = this.rooms.get(id)
    return room?.changed ? titleOf(yDocTitleContent(room.ydoc)).slice(0, 200) : undefined
  }

  /**
   * The heading ids of a document (sections are flat: headings are top-level blocks), read from
   * the Y.Doc without converting the whole content; undefined if the document does not exist.
   */
  sectionIds(id: string): Set<string> | undefined {
    const room = this.rooms.get(id)
    const ydoc = room ? room.ydoc : loadYDoc(this.db, id)
    if (!ydoc) return undefined
    try {
      const ids = new Set<string>()
      for (const node of ydoc.getXmlFragment(BODY_FRAGMENT).toArray()) {
        if (!(node instanceof Y.XmlElement) || node.nodeName !== 'sectionHeading') continue
        const headingId = node.getAttribute('id')
        if (typeof headingId === 'string' && headingId) ids.add(headingId)
      }
      return ids
    } finally {
      if (!room) ydoc.destroy()
    }
  }

  /** Applies a membership change to live connections: new role, or closed if removed. */
  membershipChanged(documentId: string, username: string): void {
    const room = this.rooms.get(documentId)
    if (!room) return
    const role = getRole(this.db, documentId, username)
    for (const connection of room.connections) {
      if (connection.user.username !== username) continue
      if (role) connection.role = role
      else connection.close(CloseCodes.Forbidden.code, CloseCodes.Forbidden.reason)
    }
  }

  /** Closes the live connections of `username` opened with an ended session (all but `keep`). */
  sessionsEnded(username: string, keep?: string): void {
    for (const room of this.rooms.values()) {
      for (const connection of [...room.connections]) {
        if (connection.user.username === username && connection.session !== keep) connection.close(CloseCodes.Unauthorized.code, CloseCodes.Unauthorized.reason)
      }
    }
  }

  /** The document was deleted: its editors close (4404) and the room goes without being stored. */
  documentDeleted(documentId: string): void {
    const room = this.rooms.get(documentId)
    if (!room) return
    room.broken = true
    for (const connection of [...room.connections]) connection.close(CloseCodes.NotFound.code, CloseCodes.NotFound.reason)
    this.forget(room)
  }

  /** Closes every open connection to one document (e.g. on lock, so clients resync). */
  closeDocument(documentId: string, code: number, reason: string): void {
    const room = this.rooms.get(documentId)
    if (!room) return
    for (const connection of [...room.connections]) connection.close(code, reason)
  }

  /** Stores every room and closes every connection (server shutdown). */
  closeAll(code: number, reason: string): void {
    for (const room of [...this.rooms.values()]) {
      this.store(room)
      // Whatever still arrives is ignored: the clients keep it and resend it after the restart.
      room.broken = true
      for (const connection of room.connections) connection.close(code, reason)
      this.forget(room)
    }
  }

  private store(room: Room): void {
    if (room.broken || !room.changed) return
    try {
      this.writeSnapshot(room)
      // The list shows the record's title: keep it that of the title line as edited, empty too,
      // so that a closed document is listed as it was while open.
      const title = this.liveTitle(room.id)
      if (title !== undefined && title !== getDocument(this.db, room.id)?.title) setTitle(this.db, room.id, title)
      else touchDocument(this.db, room.id)
    } catch (error) {
      // The update log still holds everything; the snapshot is only an optimisation.
      log.error('storing a snapshot failed', { room: room.id, error })
    }
  }

  /**
   * Replaces snapshot + log by the live document: every logged update was applied to it before
   * it was stored, so it holds all of them (and any held back for missing predecessors, which
   * Yjs encodes with it). Encoding it costs a fraction of merging the rows (5 against 25 ms for
   * a 100,000-edit document with 2,000 rows) and leaves out deleted text the merge would keep.
   */
  private writeSnapshot(room: Room): void {
    storeSnapshot(this.db, room.id, Y.encodeStateAsUpdate(room.ydoc), Y.encodeStateVector(room.ydoc))
  }

  private forget(room: Room): void {
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id)
    room.destroy()
  }

  private scheduleCompaction(room: Room, compacted: () => void): void {
    if (this.compactionPending.has(room.id)) return
    this.compactionPending.add(room.id)
    setImmediate(() => {
      this.compactionPending.delete(room.id)
      // Unloaded meanwhile (and stored whole then), or broken (the log keeps everything for the reload).
      if (this.rooms.get(room.id) !== room || room.broken) return
      try {
        this.writeSnapshot(room)
        compacted()
      } catch (error) {
        log.error('compaction failed', { room: room.id, error })
      }
    })
  }
}
