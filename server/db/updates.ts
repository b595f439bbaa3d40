import { crc32 } from 'node:zlib'
import * as Y from 'yjs'
import type { Db } from './database'
import { prepared } from './statements'

/**
 * A document's content is stored as a snapshot (one merged Yjs update) plus a log of the
 * updates accepted since. Loading applies both; compaction replaces both by the live document's
 * state (server/collab/rooms.ts).
 * Every row carries a CRC-32 of its bytes, so that opening a document checks them without
 * decoding them (updates are decoded before they are stored; snapshots are encoded by Yjs).
 */

/**
 * Stores one update as row `seq` of the document's log. The room numbers its rows on from
 * logPosition, so an append is one insert, without looking up the last row first.
 */
export function appendUpdate(db: Db, documentId: string, seq: number, update: Uint8Array): void {
  // A view, not a copy: SQLite copies the bytes as it binds them.
  const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength)
  prepared(db, 'INSERT INTO updates (document_id, seq, data, crc) VALUES (?, ?, ?, ?)').run(documentId, seq, data, crc32(update))
}

/**
 * Writes a document's snapshot (inside the caller's transaction), with its state vector: the
 * caller's, when it has the Y.Doc at hand, else parsed from the state here.
 */
export function writeSnapshot(db: Db, documentId: string, state: Uint8Array, stateVector?: Uint8Array, at = new Date().toISOString()): void {
  const vector = stateVector ?? Y.encodeStateVectorFromUpdate(state)
  db.prepare(
    `INSERT INTO snapshots (document_id, state, crc, state_vector, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, crc = excluded.crc,
       state_vector = excluded.state_vector, updated_at = excluded.updated_at`,
  ).run(documentId, Buffer.from(state), crc32(state), Buffer.from(vector), at)
}

/** The state vector stored with the snapshot (none for snapshots written before state vectors were). */
export function snapshotStateVector(db: Db, documentId: string): Uint8Array | undefined {
  const row = prepared(db, 'SELECT state_vector FROM snapshots WHERE document_id = ?').get(documentId) as { state_vector: Buffer | null } | undefined
  return row?.state_vector ? new Uint8Array(row.state_vector) : undefined
}

/** How many rows the log holds and the last one's number (read once when a room loads; it counts on from there). */
export function logPosition(db: Db, documentId: string): { rows: number; lastSeq: number } {
  return prepared(db, 'SELECT COUNT(*) AS rows, COALESCE(MAX(seq), 0) AS lastSeq FROM updates WHERE document_id = ?').get(documentId) as {
    rows: number
    lastSeq: number
  }
}

interface StoredRow {
  bytes: Uint8Array
  /** NULL for rows written before checksums. */
  crc: number | null
}

/** The stored state as a list of rows (snapshot first), or undefined for an unknown document. */
function loadRows(db: Db, documentId: string): StoredRow[] | undefined {
  const snapshot = db.prepare('SELECT state AS data, crc FROM snapshots WHERE document_id = ?').get(documentId) as { data: Buffer; crc: number | null } | undefined
  const tail = db.prepare('SELECT data, crc FROM updates WHERE document_id = ? ORDER BY seq').all(documentId) as { data: Buffer; crc: number | null }[]
  if (!snapshot && tail.length === 0) return undefined
  return [...(snapshot ? [snapshot] : []), ...tail].map((row) => ({ bytes: new Uint8Array(row.data), crc: row.crc }))
}

/** Stored content that cannot be read back: the document must be refused, not shown empty. */
export class CorruptDocumentError extends Error {
  constructor(
    readonly documentId: string,
    detail: string,
  ) {
    super(`stored content of document ${documentId} is unreadable: ${detail}`)
    this.name = 'CorruptDocumentError'
  }
}

/** Loads the stored content into a fresh Y.Doc; throws CorruptDocumentError if a row is unreadable. */
export function loadYDoc(db: Db, documentId: string): Y.Doc | undefined {
  const state = readStoredState(db, documentId)
  return state && yDocFromState(documentId, state)
}

/**
 * The stored content as one merged update, each row checked first; undefined for an unknown
 * document. Throws CorruptDocumentError if a row is unreadable.
 */
export function readStoredState(db: Db, documentId: string): Uint8Array | undefined {
  const rows = loadRows(db, documentId)
  if (!rows) return undefined
  // Each row is checked on its own first, so a damaged one is named rather than merged away.
  rows.forEach(({ bytes, crc }, index) => {
    if (crc !== null) {
      if (crc32(bytes) !== crc) throw new CorruptDocumentError(documentId, `row ${index} does not match its checksum`)
      return
    }
    try {
      Y.decodeUpdate(bytes)
    } catch (error) {
      throw new CorruptDocumentError(documentId, `row ${index} does not decode (${(error as Error).message})`)
    }
  })
  try {
    return mergeStoredRows(rows.map((row) => row.bytes))
  } catch (error) {
    throw new CorruptDocumentError(documentId, (error as Error).message)
  }
}

/** How many updates one Y.mergeUpdates call gets (see mergeStoredRows). */
const MERGE_CHUNK = 64

/**
 * Merges a document's rows (snapshot first) into one update. Y.mergeUpdates re-sorts all its
 * inputs for every run of structs it copies, so one call over n log rows grows like n²
 * (2,000 rows: ~46 ms); merged in chunks first, the result is the same bytes in ~8 ms. The
 * snapshot, the large part, is copied once, in the last call.
 */
export function mergeStoredRows(rows: Uint8Array[]): Uint8Array {
  if (rows.length === 1) return rows[0]
  const [first, ...rest] = rows
  let parts = rest
  while (parts.length >= MERGE_CHUNK) {
    const merged: Uint8Array[] = []
    for (let i = 0; i < parts.length; i += MERGE_CHUNK) {
      const chunk = parts.slice(i, i + MERGE_CHUNK)
      merged.push(chunk.length === 1 ? chunk[0] : Y.mergeUpdates(chunk))
    }
    parts = merged
  }
  return Y.mergeUpdates([first, ...parts])
}

/** Applies a stored state to a fresh Y.Doc; throws CorruptDocumentError if Yjs refuses it. */
export function yDocFromState(documentId: string, state: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc()
  try {
    Y.applyUpdate(ydoc, state)
  } catch (error) {
    ydoc.destroy()
    throw new CorruptDocumentError(documentId, (error as Error).message)
  }
  return ydoc
}

/** Writes a whole state as the snapshot and clears the log (compaction, and when a room unloads). */
export function storeSnapshot(db: Db, documentId: string, state: Uint8Array, stateVector?: Uint8Array): void {
  db.transaction(() => {
    writeSnapshot(db, documentId, state, stateVector)
    db.prepare('DELETE FROM updates WHERE document_id = ?').run(documentId)
  })()
}
