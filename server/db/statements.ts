import type { Statement as SqliteStatement } from 'better-sqlite3'
import type { Db } from './database'

type Statement = SqliteStatement<unknown[]>

const caches = new WeakMap<Db, Map<string, Statement>>()

/**
 * A prepared statement, prepared once per database: for the queries run on every collab
 * update, preparing costs more than running a small insert.
 */
export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = db.prepare(sql)))
  return statement
}
