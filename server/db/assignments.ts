import type { Db } from './database'
import type { Assignment } from '../../shared/api/assignments'

const SELECT = `SELECT a.section_id AS sectionId, a.username AS username, COALESCE(u.display_name, a.username) AS displayName,
    a.assigned_by AS assignedBy, a.assigned_at AS assignedAt
  FROM assignments a LEFT JOIN users u ON u.username = a.username`

/** A document's assignments, oldest first. */
export function listAssignments(db: Db, documentId: string): Assignment[] {
  return db.prepare(`${SELECT} WHERE a.document_id = ? ORDER BY a.assigned_at, a.rowid`).all(documentId) as Assignment[]
}

export function getAssignment(db: Db, documentId: string, sectionId: string): Assignment | undefined {
  return db.prepare(`${SELECT} WHERE a.document_id = ? AND a.section_id = ?`).get(documentId, sectionId) as Assignment | undefined
}

/** Assigns a section to `username`, replacing whoever had it. */
export function setAssignment(db: Db, documentId: string, sectionId: string, username: string, assignedBy: string, at: string): void {
  db.prepare('INSERT OR REPLACE INTO assignments (document_id, section_id, username, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)').run(
    documentId,
    sectionId,
    username,
    assignedBy,
    at,
  )
}

/** Removes a section's assignment; true if there was one. */
export function deleteAssignment(db: Db, documentId: string, sectionId: string): boolean {
  return db.prepare('DELETE FROM assignments WHERE document_id = ? AND section_id = ?').run(documentId, sectionId).changes > 0
}

/** Removes every assignment of `username` in the document; how many there were. */
export function deleteAssignmentsOf(db: Db, documentId: string, username: string): number {
  return db.prepare('DELETE FROM assignments WHERE document_id = ? AND username = ?').run(documentId, username).changes
}
