import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { CloseCodes } from '../../shared/closeCodes'
import type { Status } from '../db/documents'
import { log } from '../log'
import type { Connection } from './connection'
import { MAX_AWARENESS_IDS_PER_CONNECTION, stampAwareness } from './awarenessStamp'
import { binaryFrame } from './frame'
import { UpdateRelay } from './updateRelay'
import { readUpdateHeader } from './updateHeader'
import { integrated, pendingChanged, type Applying } from './applying'
import {
  MessageType,
  SyncType,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep1FromStateVector,
  encodeSyncStep2,
  encodeSyncStep2FromUpdate,
  updateMessageHeader,
} from './protocol'

/** What a room needs from storage; the registry wires it to SQLite. */
export interface RoomStorage {
  /** Stores one accepted update durably; throws if it could not. */
  append(update: Uint8Array): void
  status(): Status
}

/** Why a message was refused: the connection is closed with this code. */
export type Refusal = { code: number; reason: string }

const WRITING_ROLES = new Set(['owner', 'editor'])
const FROZEN_STATUSES = new Set<Status>(['locked', 'signed'])
/**
 * How long after the first client joins a loaded room applies its stored state, unless something
 * needs the live document sooner: a new client is answered from the stored bytes meanwhile, and
 * the decoding (tens of milliseconds for a long history) does not compete with its own.
 */
const MATERIALIZE_DELAY_MS = 250

/** A loaded document: its Y.Doc, the awareness of everyone in it, and their connections. */
export class Room {
  readonly awareness: awarenessProtocol.Awareness
  readonly connections = new Set<Connection>()
  /** Which connection speaks for each awareness client id (the union of their awarenessIds). */
  private readonly awarenessOwners = new Map<number, Connection>()
  /** Set when storage failed: the room is closed and must be reloaded from storage. */
  broken = false
  /** Whether the content changed since the room was loaded (so unloading has something to store). */
  changed = false
  /** The stored state the room was loaded from, while nothing has changed since (see receiveSync). */
  private storedState: Uint8Array | undefined
  /** The stored state while it is not applied to the Y.Doc yet (see materialize). */
  private unapplied: Uint8Array | undefined
  private materializing: NodeJS.Timeout | undefined
  /** Connections that joined before the stored state was applied: they get the server's step 1 after. */
  private readonly awaitingStep1 = new Set<Connection>()
  /** The server's step 1 for the stored state, once known (from storage, or parsed once). */
  private storedStep1: { state: Uint8Array; message: Uint8Array } | undefined
  /** While a client's update is applied: who sent it, and what Yjs did with it (see applyGuarded). */
  private applying: Applying | undefined

  private readonly doc = new Y.Doc()
  private readonly relay: UpdateRelay

  constructor(
    readonly id: string,
    /** The document as stored (one merged update, and its state vector if known), or undefined for a new, empty one. */
    stored: { state: Uint8Array; stateVector?: Uint8Array } | undefined,
    private readonly storage: RoomStorage,
    private readonly onBroken: (room: Room) => void,
    /** Bytes of updates waiting for missing dependencies this room accepts. */
    private readonly maxPendingBytes = Number.POSITIVE_INFINITY,
    /** How long updates that follow each other closely are held to go out together (UpdateRelay). */
    relayWindowMs = 0,
  ) {
    this.relay = new UpdateRelay(this.connections, relayWindowMs)
    this.storedState = stored?.state
    this.unapplied = stored?.state
    if (stored?.stateVector) this.storedStep1 = { state: stored.state, message: encodeSyncStep1FromStateVector(stored.stateVector) }
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server has no cursor of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onAwarenessUpdate)
    this.doc.on('update', this.onDocUpdate)
    this.doc.on('beforeTransaction', this.onBeforeTransaction)
  }

  /** The live document (its stored state applied first, if that has not happened yet). */
  get ydoc(): Y.Doc {
    this.materialize()
    return this.doc
  }

  /**
   * Applies the stored state to the Y.Doc. A room answers new clients from the stored bytes and
   * does this a little later (MATERIALIZE_DELAY_MS), so opening a long document does not wait for
   * the server to decode it as well as the client; anything that needs the live document calls
   * it first.
   */
  private materialize(): void {
    clearTimeout(this.materializing)
    this.materializing = undefined
    const state = this.unapplied
    if (!state) return
    this.unapplied = undefined
    // Not an update to store or relay: it is what storage holds.
    this.doc.off('update', this.onDocUpdate)
    try {
      Y.applyUpdate(this.doc, state)
    } catch (error) {
      log.error('stored content could not be applied; refusing the document', { room: this.id, error })
      this.drop(CloseCodes.DocumentUnavailable)
      throw error
    } finally {
      this.doc.on('update', this.onDocUpdate)
    }
    const step1 = encodeSyncStep1(this.doc)
    for (const connection of this.awaitingStep1) if (this.connections.has(connection)) connection.send(step1)
    this.awaitingStep1.clear()
  }

  /** Whether the connection may change the content now: by its role and by the document's status. */
  canWrite(connection: Connection): boolean {
    return WRITING_ROLES.has(connection.role) && !FROZEN_STATUSES.has(this.storage.status())
  }

  join(connection: Connection): void {
    this.connections.add(connection)
    // The server opens with its own sync step 1 so the client sends what the server lacks. While the
    // stored state is not applied yet, that waits: the client's own step 1 is answered from the
    // stored bytes first (receiveSync), and computing a state vector now would parse them once more.
    if (this.unapplied) {
      // With the stored state vector at hand the step 1 costs nothing; else it waits (see above).
      if (this.storedStep1?.state === this.unapplied) connection.send(this.storedStep1.message)
      else this.awaitingStep1.add(connection)
      this.materializing ??= setTimeout(() => this.materializeQuietly(), MATERIALIZE_DELAY_MS)
    } else connection.send(encodeSyncStep1(this.doc))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) connection.send(encodeAwareness(this.awareness, states))
  }

  private sendStoredStep1(connection: Connection, state: Uint8Array): void {
    setImmediate(() => {
      if (!this.connections.has(connection)) return
      if (this.storedStep1?.state !== state) this.storedStep1 = { state, message: encodeSyncStep1FromStateVector(Y.encodeStateVectorFromUpdate(state)) }
      connection.send(this.storedStep1.message)
    })
  }

  private materializeQuietly(): void {
    try {
      this.materialize()
    } catch {
      // Logged and the room dropped by materialize.
    }
  }

  leave(connection: Connection): void {
    this.awaitingStep1.delete(connection)
    if (!this.connections.delete(connection)) return
    if (connection.awarenessIds.size > 0) {
      for (const id of connection.awarenessIds) if (this.awarenessOwners.get(id) === connection) this.awarenessOwners.delete(id)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null)
    }
  }

  /** Handles one binary message from `connection`; returns why it was refused, if it was. */
  receive(connection: Connection, message: Uint8Array): Refusal | undefined {
    try {
      const decoder = decoding.createDecoder(message)
      const type = decoding.readVarUint(decoder)
      switch (type) {
        case MessageType.Sync:
          return this.receiveSync(connection, decoder)
        case MessageType.Awareness:
          this.receiveAwareness(connection, decoding.readVarUint8Array(decoder))
          return undefined
        case MessageType.QueryAwareness:
          connection.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]))
          return undefined
        case MessageType.Auth:
          // Authentication happens at the upgrade; nothing to do.
          return undefined
        default:
          return CloseCodes.BadMessage
      }
    } catch (error) {
      log.warn('collab message refused', { room: this.id, user: connection.user.username, error })
      return CloseCodes.BadMessage
    }
  }

  private receiveSync(connection: Connection, decoder: decoding.Decoder): Refusal | undefined {
    const syncType = decoding.readVarUint(decoder)
    if (syncType === SyncType.Step1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      // Decoded first: a malformed state vector is refused rather than half-answered.
      Y.decodeStateVector(stateVector)
      // A client with nothing (an empty state vector) gets the stored bytes as they are: opening a
      // long document then costs no re-encoding of its whole history.
      const fresh = stateVector.length === 1 && stateVector[0] === 0
      if (fresh && this.storedState) {
        connection.send(encodeSyncStep2FromUpdate(this.storedState))
        // The server's step 1 follows from the stored bytes too, once this answer is on its way, and
        // not only when the room applies them: a late one would make the client send back, in one
        // message, everything it typed in the meantime.
        if (this.awaitingStep1.delete(connection)) this.sendStoredStep1(connection, this.storedState)
      } else connection.send(encodeSyncStep2(this.ydoc, stateVector))
      return undefined
    }
    if (syncType !== SyncType.Step2 && syncType !== SyncType.Update) return CloseCodes.BadMessage
    const update = decoding.readVarUint8Array(decoder)
    if (!this.canWrite(connection)) {
      // Never applied, relayed or stored: a reader's (or a frozen document's) changes go nowhere.
      log.debug('collab update dropped', { room: this.id, user: connection.user.username, role: connection.role })
      // A sync answer holding what the document lacks is a copy changed where the change could not
      // be kept: offline, before a lock or a change of role its page had not heard of. Its page is
      // told to drop the copy and start over from the document, rather than go on showing (and
      // later send again) text nobody else has. Only the join's answer is read: a reader's page can
      // change its copy by itself later (prosemirror-tables mending a table), and starting over
      // for that would only repeat.
      // (A fresh page's answer is empty: the live document is not needed for it.)
      if (syncType === SyncType.Step2 && !readUpdateHeader(update).empty && !Y.snapshotContainsUpdate(Y.snapshot(this.ydoc), update)) return CloseCodes.ChangesRefused
      return undefined
    }
    const { empty, firstClocks } = readUpdateHeader(update)
    // Nothing in it (a fresh client's answer to the server's step 1): no need to apply the stored
    // state for it.
    if (empty) return undefined
    if (this.pendingBytesAfter(update, firstClocks) > this.maxPendingBytes) {
      log.warn('collab update refused: pending cap', { room: this.id, user: connection.user.username })
      return CloseCodes.PendingTooLarge
    }
    return this.applyGuarded(connection, update, firstClocks, syncType === SyncType.Update)
  }

  /**
   * What the room would hold back if `update` were applied now: Yjs keeps updates whose
   * predecessors it has not seen, and a client could send endless such updates.
   */
  private pendingBytesAfter(update: Uint8Array, firstClocks: Map<number, number>): number {
    const store = this.ydoc.store
    const pending = (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0)
    // Beyond what the document has, the update cannot apply yet.
    for (const [client, clock] of firstClocks) if (clock > Y.getState(store, client)) return pending + update.byteLength
    return pending
  }

  /**
   * Applies a client's update; only if Yjs accepts it whole are its effects stored and relayed.
   * If Yjs throws after it changed something, the live document may hold what was never stored:
   * the room is dropped and reloaded from storage, and everyone else reconnects to that.
   *
   * Yjs encodes every transaction anew for an 'update' listener. For an incremental update, with
   * no earlier one waiting in the document for it, that encoding says what the update says, so
   * the update is stored and relayed as sent, and nobody listens while it applies (the encoding
   * was 4 % of the server's CPU while 20 people type, bench/FINDINGS.md §3). A sync step 2
   * carries the sender's whole delete set, and an update that lets waiting ones apply brings them
   * in too: for those, what Yjs encodes is stored.
   */
  private applyGuarded(connection: Connection, update: Uint8Array, firstClocks: Map<number, number>, incremental: boolean): Refusal | undefined {
    const store = this.ydoc.store
    const pendingBefore = { structs: store.pendingStructs?.update, ds: store.pendingDs }
    const applying: Applying = { from: connection, asSent: incremental && !pendingBefore.structs && !pendingBefore.ds, firstClocks, pendingBefore, held: [] }
    this.applying = applying
    if (applying.asSent) this.doc.off('update', this.onDocUpdate)
    try {
      Y.applyUpdate(this.ydoc, update, connection)
    } catch (error) {
      // Yjs reads all structs before it integrates any: bytes it could not read changed no content
      // (and held nothing back), so only their sender is refused.
      if (applying.held.length === 0 && !integrated(applying) && !pendingChanged(applying, store)) {
        log.warn('collab update refused: unreadable', { room: this.id, user: connection.user.username, error })
        return CloseCodes.BadMessage
      }
      log.warn('collab update failed while applying; reloading the room', { room: this.id, user: connection.user.username, error })
      connection.close(CloseCodes.BadMessage.code, CloseCodes.BadMessage.reason)
      this.drop(CloseCodes.DocumentReloaded)
      return CloseCodes.BadMessage
    } finally {
      this.applying = undefined
      if (applying.asSent && !this.broken) this.doc.on('update', this.onDocUpdate)
    }
    // Stored as sent once part of it applied, with any part Yjs holds back. One that applied
    // nothing is not stored: known already, or held back whole until what it needs arrives, which
    // then applies through Yjs's encoding (pendingBefore is set).
    if (applying.asSent && integrated(applying)) this.commit(update, connection)
    for (const { update, origin } of applying.held) {
      if (this.broken) break
      this.commit(update, origin)
    }
    return undefined
  }

  /**
   * Another transaction inside a client's apply (Yjs's clean-up of redundant formatting after a
   * remote change is one of the server's own, which the sender has not made and must receive
   * too) is encoded by Yjs and stored like any change, also while an update stored as sent applies.
   */
  private onBeforeTransaction = (transaction: Y.Transaction): void => {
    const applying = this.applying
    if (!applying) return
    if (transaction.origin === applying.from) applying.transaction ??= transaction
    else if (applying.asSent) this.doc.on('update', this.onDocUpdate)
  }

  private receiveAwareness(connection: Connection, update: Uint8Array): void {
    const mayUse = (clientId: number) => {
      if (clientId === this.awareness.clientID) return false
      // A lookup, not a scan: y-websocket clients send everyone's presence back to the server.
      const owner = this.awarenessOwners.get(clientId)
      if (owner && owner !== connection) return false
      return connection.awarenessIds.has(clientId) || connection.awarenessIds.size < MAX_AWARENESS_IDS_PER_CONNECTION
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, stampAwareness(update, connection.user, mayUse), connection)
  }

  /** Closes every connection and unloads the room; the next connection reloads it from storage. */
  private drop(refusal: Refusal): void {
    this.broken = true
    for (const connection of this.connections) connection.close(refusal.code, refusal.reason)
    this.onBroken(this)
  }

  /** Every change to the Y.Doc is stored before anyone else sees it. */
  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const applying = this.applying
    if (!applying) this.commit(update, origin)
    // Held until the update applied whole; the sender's own transaction is stored as sent, if it is.
    else if (!(applying.asSent && origin === applying.from)) applying.held.push({ update, origin })
  }

  private commit(update: Uint8Array, origin: unknown): void {
    if (this.broken) return
    try {
      this.storage.append(update)
    } catch (error) {
      // Not relayed: nobody may see what is not stored. The sender still has it and resends it.
      log.error('storing an update failed; closing the room', { room: this.id, error })
      this.drop(CloseCodes.StorageUnavailable)
      return
    }
    this.changed = true
    this.storedState = undefined
    this.relay.send(binaryFrame(updateMessageHeader(update.byteLength), update), origin)
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    const owner = this.connections.has(origin as Connection) ? (origin as Connection) : undefined
    if (owner) {
      for (const id of [...added, ...updated]) {
        owner.awarenessIds.add(id)
        this.awarenessOwners.set(id, owner)
      }
      for (const id of removed) {
        owner.awarenessIds.delete(id)
        if (this.awarenessOwners.get(id) === owner) this.awarenessOwners.delete(id)
      }
    }
    for (const id of changed) this.awarenessPending.add(id)
    this.awarenessFlush ??= setImmediate(this.flushAwareness)
  }

  /**
   * Awareness changes are broadcast once per event-loop turn: when a hundred people renew their
   * presence at once, each connection gets one message naming all of them, not a hundred.
   */
  private awarenessPending = new Set<number>()
  private awarenessFlush: NodeJS.Immediate | undefined
  private flushAwareness = (): void => {
    this.awarenessFlush = undefined
    const ids = [...this.awarenessPending]
    this.awarenessPending.clear()
    if (ids.length === 0 || this.broken) return
    this.relay.sendBehindWaiting(binaryFrame(encodeAwareness(this.awareness, ids)))
  }

  destroy(): void {
    if (this.awarenessFlush) clearImmediate(this.awarenessFlush)
    clearTimeout(this.materializing)
    this.relay.destroy()
    this.doc.off('update', this.onDocUpdate)
    this.doc.off('beforeTransaction', this.onBeforeTransaction)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }
}
