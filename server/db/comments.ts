import type { Db } from './database'
import type { Thread, ThreadComment } from '../../shared/api/comments'

/** A thread as stored; whether its section still exists (`detached`) is decided by the caller. */
export type StoredThread = Omit<Thread, 'detached'>

interface ThreadRow {
  id: string
  section_id: string
  quote: string | null
  resolved_by: string | null
  resolved_at: string | null
  created_at: string
}

interface CommentRow {
  id: string
  thread_id: string
  username: string
  display_name: string
  body: string
  created_at: string
  edited_at: string | null
  deleted: number
}

const COMMENT_SELECT = `SELECT c.id, c.thread_id, c.author AS username, COALESCE(u.display_name, c.author) AS display_name,
    c.body, c.created_at, c.edited_at, c.deleted
  FROM comments c LEFT JOIN users u ON u.username = c.author`

function toComment(row: CommentRow): ThreadComment {
  return {
    id: row.id,
    author: { username: row.username, displayName: row.display_name },
    body: row.body,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    ...(row.deleted ? { deleted: true as const } : {}),
  }
}

function toThread(row: ThreadRow, comments: ThreadComment[]): StoredThread {
  return {
    id: row.id,
    sectionId: row.section_id,
    quote: row.quote,
    resolved: row.resolved_by !== null,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    createdAt: row.created_at,
    comments,
  }
}

/** Every thread of a document with its comments, oldest first. */
export function listThreads(db: Db, documentId: string): StoredThread[] {
  const threads = db
    .prepare('SELECT id, section_id, quote, resolved_by, resolved_at, created_at FROM comment_threads WHERE document_id = ? ORDER BY rowid')
    .all(documentId) as ThreadRow[]
  const comments = db.prepare(`${COMMENT_SELECT} WHERE c.document_id = ? ORDER BY c.rowid`).all(documentId) as CommentRow[]
  const byThread = new Map<string, ThreadComment[]>()
  for (const row of comments) {
    const list = byThread.get(row.thread_id) ?? []
    list.push(toComment(row))
    byThread.set(row.thread_id, list)
  }
  return threads.map((row) => toThread(row, byThread.get(row.id) ?? []))
}

export function getThread(db: Db, documentId: string, threadId: string): StoredThread | undefined {
  const row = db
    .prepare('SELECT id, section_id, quote, resolved_by, resolved_at, created_at FROM comment_threads WHERE document_id = ? AND id = ?')
    .get(documentId, threadId) as ThreadRow | undefined
  if (!row) return undefined
  const comments = db.prepare(`${COMMENT_SELECT} WHERE c.thread_id = ? ORDER BY c.rowid`).all(threadId) as CommentRow[]
  return toThread(row, comments.map(toComment))
}

export function getComment(db: Db, threadId: string, commentId: string): ThreadComment | undefined {
  const row = db.prepare(`${COMMENT_SELECT} WHERE c.thread_id = ? AND c.id = ?`).get(threadId, commentId) as CommentRow | undefined
  return row && toComment(row)
}

/** Opens a thread on a section with its first comment, in one transaction. */
export function createThread(
  db: Db,
  input: { documentId: string; threadId: string; commentId: string; sectionId: string; quote: string | null; author: string; body: string; at: string },
): void {
  db.transaction(() => {
    db.prepare('INSERT INTO comment_threads (id, document_id, section_id, quote, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      input.threadId,
      input.documentId,
      input.sectionId,
      input.quote,
      input.author,
      input.at,
    )
    addComment(db, { documentId: input.documentId, threadId: input.threadId, commentId: input.commentId, author: input.author, body: input.body, at: input.at })
  })()
}

export function addComment(db: Db, input: { documentId: string; threadId: string; commentId: string; author: string; body: string; at: string }): void {
  db.prepare('INSERT INTO comments (id, thread_id, document_id, author, body, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    input.commentId,
    input.threadId,
    input.documentId,
    input.author,
    input.body,
    input.at,
  )
}

/** Marks a thread resolved by `username` at `at`, or (username null) open again. */
export function setResolved(db: Db, threadId: string, username: string | null, at: string | null): void {
  db.prepare('UPDATE comment_threads SET resolved_by = ?, resolved_at = ? WHERE id = ?').run(username, at, threadId)
}

export function editComment(db: Db, commentId: string, body: string, at: string): void {
  db.prepare('UPDATE comments SET body = ?, edited_at = ? WHERE id = ?').run(body, at, commentId)
}

export function deleteComment(db: Db, commentId: string): void {
  db.prepare('DELETE FROM comments WHERE id = ?').run(commentId)
}

/** Keeps the comment's place in the thread (others replied to it) but drops its text. */
export function blankComment(db: Db, commentId: string): void {
  db.prepare("UPDATE comments SET body = '', deleted = 1 WHERE id = ?").run(commentId)
}

/** Deletes a thread; its comments go with it (ON DELETE CASCADE). */
export function deleteThread(db: Db, threadId: string): void {
  db.prepare('DELETE FROM comment_threads WHERE id = ?').run(threadId)
}
