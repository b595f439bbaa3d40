import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { CloseCodes } from '../../shared/closeCodes'
import type { Status } from '../db/documents'
import { log } from '../log'
import type { Connection } from './connection'
import { MessageType, SyncType, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol'

/** What a room needs from storage; the registry wires it to SQLite. */
export interface RoomStorage {
  /** Stores one accepted update durably; throws if it could not. */
  append(update: Uint8Array): void
  status(): Status
}

const WRITING_ROLES = new Set(['owner', 'editor'])
const FROZEN_STATUSES = new Set<Status>(['locked', 'signed'])

/** A loaded document: its Y.Doc, the awareness of everyone in it, and their connections. */
export class Room {
  readonly awareness: awarenessProtocol.Awareness
  readonly connections = new Set<Connection>()
  /** Set when storage failed: the room is closed and must be reloaded from storage. */
  broken = false
  /** Whether the content changed since the room was loaded (so unloading has something to store). */
  changed = false

  constructor(
    readonly id: string,
    readonly ydoc: Y.Doc,
    private readonly storage: RoomStorage,
    private readonly onBroken: (room: Room) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(ydoc)
    // The server has no cursor of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onAwarenessUpdate)
    ydoc.on('update', this.onDocUpdate)
  }

  /** Whether the connection may change the content now: by its role and by the document's status. */
  canWrite(connection: Connection): boolean {
    return WRITING_ROLES.has(connection.role) && !FROZEN_STATUSES.has(this.storage.status())
  }

  join(connection: Connection): void {
    this.connections.add(connection)
    // The server opens with its own sync step 1 so the client sends what the server lacks.
    connection.send(encodeSyncStep1(this.ydoc))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) connection.send(encodeAwareness(this.awareness, states))
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null)
    }
  }

  /** Handles one binary message from `connection`. Returns false if it could not be decoded. */
  receive(connection: Connection, message: Uint8Array): boolean {
    try {
      const decoder = decoding.createDecoder(message)
      const type = decoding.readVarUint(decoder)
      switch (type) {
        case MessageType.Sync:
          return this.receiveSync(connection, decoder)
        case MessageType.Awareness: {
          const update = decoding.readVarUint8Array(decoder)
          awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection)
          return true
        }
        case MessageType.QueryAwareness:
          connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]))
          return true
        case MessageType.Auth:
          // Authentication happens at the upgrade; nothing to do.
          return true
        default:
          return false
      }
    } catch (error) {
      log.warn('collab message refused', { room: this.id, user: connection.user.username, error })
      return false
    }
  }

  private receiveSync(connection: Connection, decoder: decoding.Decoder): boolean {
    const syncType = decoding.readVarUint(decoder)
    if (syncType === SyncType.Step1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      connection.send(encodeSyncStep2(this.ydoc, stateVector))
      return true
    }
    if (syncType !== SyncType.Step2 && syncType !== SyncType.Update) return false
    const update = decoding.readVarUint8Array(decoder)
    if (!this.canWrite(connection)) {
      // Never applied, relayed or stored: a reader's (or a frozen document's) changes go nowhere.
      log.debug('collab update dropped', { room: this.id, user: connection.user.username, role: connection.role })
      return true
    }
    // Validate before touching the shared document, so a malformed update cannot half-apply.
    Y.decodeUpdate(update)
    Y.applyUpdate(this.ydoc, update, connection)
    return true
  }

  /** Every change to the Y.Doc is stored before anyone else sees it. */
  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.broken) return
    try {
      this.storage.append(update)
    } catch (error) {
      log.error('storing an update failed; closing the room', { room: this.id, error })
      this.broken = true
      const { code, reason } = CloseCodes.StorageUnavailable
      for (const connection of this.connections) connection.close(code, reason)
      this.onBroken(this)
      return
    }
    this.changed = true
    const message = encodeUpdate(update)
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message)
    }
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    const owner = [...this.connections].find((connection) => connection === origin)
    if (owner) {
      for (const id of [...added, ...updated]) owner.awarenessIds.add(id)
      for (const id of removed) owner.awarenessIds.delete(id)
    }
    const message = encodeAwareness(this.awareness, changed)
    for (const connection of this.connections) connection.send(message)
  }

  destroy(): void {
    this.ydoc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.ydoc.destroy()
  }
}
