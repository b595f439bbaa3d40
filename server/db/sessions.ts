import { createHash, randomBytes } from 'node:crypto'
import type { Db } from './database'
import { activeUser, type User } from './users'

const SESSION_MS = 7 * 24 * 60 * 60 * 1000

// Only a hash of the token is stored: a leaked database file does not yield usable tokens.
// The hash also names the session (a live connection remembers which one it was opened with).
export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function createSession(db: Db, username: string): string {
  const token = randomBytes(32).toString('base64url')
  db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(Date.now())
  db.prepare('INSERT INTO sessions (token_hash, username, expires_at) VALUES (?, ?, ?)').run(
    sessionId(token),
    username,
    Date.now() + SESSION_MS,
  )
  return token
}

export function userForToken(db: Db, token: string | undefined | null): User | undefined {
  if (!token || token.length > 200) return undefined
  const row = db.prepare('SELECT username, expires_at FROM sessions WHERE token_hash = ?').get(sessionId(token)) as
    | { username: string; expires_at: number }
    | undefined
  if (!row || row.expires_at < Date.now()) return undefined
  // A disabled account's sessions are ended when it is disabled; this holds even if one was missed.
  return activeUser(db, row.username)
}

export function deleteSession(db: Db, token: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(sessionId(token))
}

/** Ends every session of `username` but the one named `keep` (a password change keeps its own). */
export function endSessions(db: Db, username: string, keep?: string): void {
  db.prepare('DELETE FROM sessions WHERE username = ? AND token_hash IS NOT ?').run(username, keep ?? null)
}
