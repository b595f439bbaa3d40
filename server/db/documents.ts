import type { Db } from './database'
import { prepared } from './statements'
import { writeSnapshot } from './updates'

export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const
export type Role = (typeof ROLES)[number]
export const STATUSES = ['draft', 'review', 'locked', 'signed'] as const
export type Status = (typeof STATUSES)[number]

export interface DocumentRecord {
  id: string
  title: string
  status: Status
  importReport: unknown
  createdBy: string
  createdAt: string
  updatedAt: string
}

export interface Member {
  username: string
  displayName: string
  role: Role
  /** Only on a disabled account: still listed, but it can no longer sign in. */
  disabled?: true
}

interface DocumentRow {
  id: string
  title: string
  status: Status
  import_report: string | null
  created_by: string
  created_at: string
  updated_at: string
}

function toRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    importReport: row.import_report ? JSON.parse(row.import_report) : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Inserts the document, its owner and its first snapshot in one transaction. */
export function createDocument(
  db: Db,
  input: { id: string; title: string; owner: string; importReport?: unknown; snapshot: Uint8Array },
): DocumentRecord {
  const now = new Date().toISOString()
  db.transaction(() => {
    db.prepare(
      'INSERT INTO documents (id, title, status, import_report, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(input.id, input.title, 'draft', input.importReport ? JSON.stringify(input.importReport) : null, input.owner, now, now)
    db.prepare('INSERT INTO members (document_id, username, role) VALUES (?, ?, ?)').run(input.id, input.owner, 'owner')
    writeSnapshot(db, input.id, input.snapshot, undefined, now)
  })()
  return getDocument(db, input.id)!
}

/** The status alone: read by the collab rooms, so it skips the record's import report. */
export function getStatus(db: Db, id: string): Status | undefined {
  return (prepared(db, 'SELECT status FROM documents WHERE id = ?').get(id) as { status: Status } | undefined)?.status
}

export function getDocument(db: Db, id: string): DocumentRecord | undefined {
  const row = prepared(db, 'SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined
  return row && toRecord(row)
}

/**
 * Counts the status writes of this process (every one goes through setStatus: the workflow
 * routes). A room keeps a document's status and reads it again only when this has moved, instead
 * of once per collab update; a write that rolls back costs one needless read.
 */
let statusWrites = 0
export function statusWriteCount(): number {
  return statusWrites
}

export function setStatus(db: Db, id: string, status: Status): void {
  statusWrites++
  db.prepare('UPDATE documents SET status = ?, updated_at = ? WHERE id = ?').run(status, new Date().toISOString(), id)
}

export function setTitle(db: Db, id: string, title: string): void {
  db.prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?').run(title, new Date().toISOString(), id)
}

/** Deletes a document with everything of it (content, members, comments, history, audit: all cascade). */
export function deleteDocument(db: Db, id: string): void {
  db.prepare('DELETE FROM documents WHERE id = ?').run(id)
}

export function touchDocument(db: Db, id: string): void {
  db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), id)
}

/** The documents `username` is a member of, newest change first, with the caller's role. */
export function listDocumentsFor(db: Db, username: string): (DocumentRecord & { role: Role })[] {
  const rows = db
    .prepare(
      `SELECT d.*, m.role AS role FROM documents d JOIN members m ON m.document_id = d.id
       WHERE m.username = ? ORDER BY d.updated_at DESC`,
    )
    .all(username) as (DocumentRow & { role: Role })[]
  return rows.map((row) => ({ ...toRecord(row), role: row.role }))
}

export function getRole(db: Db, documentId: string, username: string): Role | undefined {
  const row = db.prepare('SELECT role FROM members WHERE document_id = ? AND username = ?').get(documentId, username) as
    | { role: Role }
    | undefined
  return row?.role
}

export function listMembers(db: Db, documentId: string): Member[] {
  const rows = db
    .prepare(
      `SELECT m.username AS username, u.display_name AS displayName, m.role AS role, u.disabled_at IS NOT NULL AS disabled
       FROM members m JOIN users u ON u.username = m.username WHERE m.document_id = ? ORDER BY m.username`,
    )
    .all(documentId) as (Omit<Member, 'disabled'> & { disabled: number })[]
  return rows.map(({ disabled, ...member }) => (disabled ? { ...member, disabled: true } : member))
}

/** The documents `username` is an owner of, with whether nobody else is. */
export function documentsOwnedBy(db: Db, username: string): { id: string; title: string; soleOwner: boolean }[] {
  const rows = db
    .prepare(
      `SELECT d.id AS id, d.title AS title,
         (SELECT COUNT(*) FROM members o WHERE o.document_id = d.id AND o.role = 'owner') = 1 AS soleOwner
       FROM documents d JOIN members m ON m.document_id = d.id
       WHERE m.username = ? AND m.role = 'owner' ORDER BY d.updated_at DESC`,
    )
    .all(username) as { id: string; title: string; soleOwner: number }[]
  return rows.map((row) => ({ ...row, soleOwner: row.soleOwner === 1 }))
}

export function setMember(db: Db, documentId: string, username: string, role: Role): void {
  db.prepare(
    `INSERT INTO members (document_id, username, role) VALUES (?, ?, ?)
     ON CONFLICT (document_id, username) DO UPDATE SET role = excluded.role`,
  ).run(documentId, username, role)
}

export function removeMember(db: Db, documentId: string, username: string): void {
  db.prepare('DELETE FROM members WHERE document_id = ? AND username = ?').run(documentId, username)
}

export function countOwners(db: Db, documentId: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM members WHERE document_id = ? AND role = 'owner'`).get(documentId) as { n: number }).n
}
