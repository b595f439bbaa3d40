import type { Db } from './database'
import type { AuditAction, AuditEntry, Signoff } from '../../shared/api/workflow'

/** Appends one entry to a document's audit log. */
export function recordAudit(
  db: Db,
  documentId: string,
  entry: { action: AuditAction; username: string; hash: string | null; detail?: unknown; at?: string },
): void {
  db.prepare('INSERT INTO audit (document_id, action, username, at, hash, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    documentId,
    entry.action,
    entry.username,
    entry.at ?? new Date().toISOString(),
    entry.hash,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  )
}

/** The audit log, oldest first. */
export function listAudit(db: Db, documentId: string): AuditEntry[] {
  const rows = db
    .prepare('SELECT action, username, at, hash, detail FROM audit WHERE document_id = ? ORDER BY id')
    .all(documentId) as { action: AuditAction; username: string; at: string; hash: string | null; detail: string | null }[]
  return rows.map((row) => ({
    action: row.action,
    username: row.username,
    at: row.at,
    hash: row.hash,
    ...(row.detail !== null ? { detail: JSON.parse(row.detail) } : {}),
  }))
}

/** Records the lock: the locked content's hash and the named signers (replacing any earlier ones). */
export function setLock(db: Db, documentId: string, hash: string, signers: string[], at: string): void {
  db.prepare('INSERT OR REPLACE INTO locks (document_id, hash, locked_at) VALUES (?, ?, ?)').run(documentId, hash, at)
  db.prepare('DELETE FROM signers WHERE document_id = ?').run(documentId)
  const insert = db.prepare('INSERT INTO signers (document_id, username, position) VALUES (?, ?, ?)')
  signers.forEach((username, index) => insert.run(documentId, username, index))
}

/** Voids the sign-offs (kept for the audit), clears the signers and the locked hash. */
export function clearLock(db: Db, documentId: string): void {
  db.prepare('UPDATE signoffs SET voided = 1 WHERE document_id = ?').run(documentId)
  db.prepare('DELETE FROM signers WHERE document_id = ?').run(documentId)
  db.prepare('DELETE FROM locks WHERE document_id = ?').run(documentId)
}

export function lockedHash(db: Db, documentId: string): string | null {
  const row = db.prepare('SELECT hash FROM locks WHERE document_id = ?').get(documentId) as { hash: string } | undefined
  return row?.hash ?? null
}

export function listSigners(db: Db, documentId: string): string[] {
  return (db.prepare('SELECT username FROM signers WHERE document_id = ? ORDER BY position').all(documentId) as { username: string }[]).map(
    (row) => row.username,
  )
}

/** The sign-offs that are not voided, oldest first. */
export function listSignoffs(db: Db, documentId: string): Signoff[] {
  const rows = db
    .prepare(
      `SELECT s.username AS username, COALESCE(u.display_name, s.username) AS displayName, s.at AS at, s.hash AS hash, s.opinion AS opinion
       FROM signoffs s LEFT JOIN users u ON u.username = s.username
       WHERE s.document_id = ? AND s.voided = 0 ORDER BY s.id`,
    )
    .all(documentId) as (Omit<Signoff, 'opinion'> & { opinion: string | null })[]
  return rows.map(({ opinion, ...signoff }) => (opinion ? { ...signoff, opinion } : signoff))
}

export function addSignoff(db: Db, documentId: string, signoff: { username: string; at: string; hash: string; opinion?: string }): void {
  db.prepare('INSERT INTO signoffs (document_id, username, at, hash, opinion) VALUES (?, ?, ?, ?, ?)').run(
    documentId, signoff.username, signoff.at, signoff.hash, signoff.opinion || null,
  )
}

/** The locked documents that still wait for `username`'s sign-off, as the lock named them. */
export function documentsAwaitingSignoffFrom(db: Db, username: string): { id: string; title: string }[] {
  return db
    .prepare(
      `SELECT d.id AS id, d.title AS title FROM documents d JOIN signers s ON s.document_id = d.id
       WHERE s.username = ? AND d.status = 'locked'
         AND NOT EXISTS (SELECT 1 FROM signoffs o WHERE o.document_id = d.id AND o.username = s.username AND o.voided = 0)
       ORDER BY d.updated_at DESC`,
    )
    .all(username) as { id: string; title: string }[]
}
