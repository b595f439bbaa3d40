import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import type { Db } from './database'

export interface User {
  username: string
  displayName: string
  admin: boolean
}

interface UserRow {
  username: string
  display_name: string
  password_hash: string
  admin: number
}

const KEY_LENGTH = 64
// A fixed hash to compare against when the user does not exist, so that a login for an
// unknown name costs as much time as one with a wrong password.
const DUMMY_HASH = hashPassword('no such user')

export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  const key = scryptSync(password, salt, KEY_LENGTH)
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, saltB64, keyB64] = stored.split('$')
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) return false
  const expected = Buffer.from(keyB64, 'base64')
  const actual = scryptSync(password, Buffer.from(saltB64, 'base64'), expected.length)
  return timingSafeEqual(actual, expected)
}

function toUser(row: UserRow): User {
  return { username: row.username, displayName: row.display_name, admin: row.admin === 1 }
}

export function createUser(db: Db, input: { username: string; password: string; displayName?: string; admin?: boolean }): User {
  db.prepare('INSERT INTO users (username, display_name, password_hash, admin, created_at) VALUES (?, ?, ?, ?, ?)').run(
    input.username,
    input.displayName || input.username,
    hashPassword(input.password),
    input.admin ? 1 : 0,
    new Date().toISOString(),
  )
  return getUser(db, input.username)!
}

/** Creates the account or resets its password and admin flag (bootstrap of `admin`). */
export function upsertUser(db: Db, input: { username: string; password: string; displayName?: string; admin?: boolean }): User {
  if (!getUser(db, input.username)) return createUser(db, input)
  db.prepare('UPDATE users SET password_hash = ?, admin = ? WHERE username = ?').run(
    hashPassword(input.password),
    input.admin ? 1 : 0,
    input.username,
  )
  return getUser(db, input.username)!
}

export function setPassword(db: Db, username: string, password: string): void {
  db.prepare('UPDATE users SET password_hash = ? WHERE username = ?').run(hashPassword(password), username)
}

export function getUser(db: Db, username: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined
  return row && toUser(row)
}

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toUser)
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n
}

/** The user if the password matches, otherwise undefined (same cost either way). */
export function authenticate(db: Db, username: string, password: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined
  const ok = verifyPassword(password, row?.password_hash ?? DUMMY_HASH)
  return row && ok ? toUser(row) : undefined
}
