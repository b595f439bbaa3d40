import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import type { Db } from './database'

export interface User {
  username: string
  displayName: string
  admin: boolean
}

/** An account as administrators manage it: a disabled one can neither sign in nor be chosen. */
export interface Account extends User {
  disabled: boolean
}

interface UserRow {
  username: string
  display_name: string
  password_hash: string
  admin: number
  disabled_at: string | null
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

function toAccount(row: UserRow): Account {
  return { ...toUser(row), disabled: row.disabled_at !== null }
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

/** Creates the account or resets its password and admin flag and enables it (bootstrap of `admin`). */
export function upsertUser(db: Db, input: { username: string; password: string; displayName?: string; admin?: boolean }): User {
  if (!getUser(db, input.username)) return createUser(db, input)
  db.prepare('UPDATE users SET password_hash = ?, admin = ?, disabled_at = NULL WHERE username = ?').run(
    hashPassword(input.password),
    input.admin ? 1 : 0,
    input.username,
  )
  return getUser(db, input.username)!
}

export function setPassword(db: Db, username: string, password: string): void {
  db.prepare('UPDATE users SET password_hash = ? WHERE username = ?').run(hashPassword(password), username)
}

/** Changes what is given, all or nothing; `disabled` stamps the time it was disabled, or clears it. */
export function updateAccount(db: Db, username: string, changes: { displayName?: string; admin?: boolean; disabled?: boolean }): void {
  db.transaction(() => {
    if (changes.displayName !== undefined) db.prepare('UPDATE users SET display_name = ? WHERE username = ?').run(changes.displayName, username)
    if (changes.admin !== undefined) db.prepare('UPDATE users SET admin = ? WHERE username = ?').run(changes.admin ? 1 : 0, username)
    if (changes.disabled !== undefined) {
      db.prepare('UPDATE users SET disabled_at = ? WHERE username = ?').run(changes.disabled ? new Date().toISOString() : null, username)
    }
  })()
}

export function getUser(db: Db, username: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined
  return row && toUser(row)
}

/**
 * The account a new username would be confused with: the same name in other capitals (`li` and
 * `LI` would both be offered as members and signers). Names are ASCII, so SQLite's lower() folds them.
 */
export function usernameTaken(db: Db, username: string): string | undefined {
  return (db.prepare('SELECT username FROM users WHERE lower(username) = lower(?)').get(username) as { username: string } | undefined)?.username
}

/** The user of an account that may sign in: undefined for an unknown or disabled one. */
export function activeUser(db: Db, username: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username = ? AND disabled_at IS NULL').get(username) as UserRow | undefined
  return row && toUser(row)
}

export function getAccount(db: Db, username: string): Account | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined
  return row && toAccount(row)
}

export function listAccounts(db: Db): Account[] {
  return (db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toAccount)
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n
}

/** The account if the password matches, otherwise undefined (same cost either way). */
export function authenticate(db: Db, username: string, password: string): Account | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined
  const ok = verifyPassword(password, row?.password_hash ?? DUMMY_HASH)
  return row && ok ? toAccount(row) : undefined
}
