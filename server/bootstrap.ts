import { randomBytes } from 'node:crypto'
import type { Config } from './config'
import type { Db } from './db/database'
import { countUsers, upsertUser, createUser } from './db/users'
import { log } from './log'

/**
 * Makes sure an administrator exists: HEGAO_ADMIN_PASSWORD creates or resets `admin`;
 * a first start with no accounts at all creates `admin` with a random password, which is
 * returned so it can be printed once (never logged).
 */
export function ensureAdmin(db: Db, config: Pick<Config, 'adminPassword'>): { createdPassword?: string } {
  if (config.adminPassword) {
    upsertUser(db, { username: 'admin', password: config.adminPassword, displayName: '管理员', admin: true })
    log.info('admin account set from HEGAO_ADMIN_PASSWORD')
    return {}
  }
  if (countUsers(db) === 0) {
    const password = randomBytes(12).toString('base64url')
    createUser(db, { username: 'admin', password, displayName: '管理员', admin: true })
    return { createdPassword: password }
  }
  return {}
}
