import type { Db } from './database'
import type { DocJSON } from '../../shared/docJson'
import { contentHash } from '../../shared/contentHash'
import type { Version, VersionKind } from '../../shared/api/versions'

const VERSION_COLUMNS = `v.id AS id, v.kind AS kind, v.name AS name, v.username AS username,
  COALESCE(u.display_name, v.username) AS displayName, v.at AS at, v.hash AS hash`

/**
 * Stores a version of `content`. `hash` defaults to the content's own hash; a sign-off passes
 * the locked hash it signs, which is the hash of the same content.
 */
export function recordVersion(
  db: Db,
  documentId: string,
  entry: { kind: VersionKind; username: string; content: DocJSON; name?: string | null; hash?: string; at?: string },
): number {
  const result = db
    .prepare('INSERT INTO versions (document_id, kind, name, username, at, hash, content) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(
      documentId,
      entry.kind,
      entry.name ?? null,
      entry.username,
      entry.at ?? new Date().toISOString(),
      entry.hash ?? contentHash(entry.content),
      JSON.stringify(entry.content),
    )
  return Number(result.lastInsertRowid)
}

/** A document's versions, newest first. */
export function listVersions(db: Db, documentId: string): Version[] {
  return db
    .prepare(`SELECT ${VERSION_COLUMNS} FROM versions v LEFT JOIN users u ON u.username = v.username WHERE v.document_id = ? ORDER BY v.id DESC`)
    .all(documentId) as Version[]
}

/** One version of this document (undefined for an unknown id or another document's version). */
export function getVersion(db: Db, documentId: string, versionId: number): Version | undefined {
  return db
    .prepare(`SELECT ${VERSION_COLUMNS} FROM versions v LEFT JOIN users u ON u.username = v.username WHERE v.document_id = ? AND v.id = ?`)
    .get(documentId, versionId) as Version | undefined
}

export function versionContent(db: Db, documentId: string, versionId: number): DocJSON | undefined {
  const row = db.prepare('SELECT content FROM versions WHERE document_id = ? AND id = ?').get(documentId, versionId) as { content: string } | undefined
  return row ? (JSON.parse(row.content) as DocJSON) : undefined
}

/** The content of the newest version with this hash (e.g. the locked content, for a sign-off). */
export function contentWithHash(db: Db, documentId: string, hash: string): DocJSON | undefined {
  const row = db
    .prepare('SELECT content FROM versions WHERE document_id = ? AND hash = ? ORDER BY id DESC LIMIT 1')
    .get(documentId, hash) as { content: string } | undefined
  return row ? (JSON.parse(row.content) as DocJSON) : undefined
}
