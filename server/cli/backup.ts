import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DATABASE_FILE } from '../db/database'

export interface BackupSummary {
  documents: number
  accounts: number
  bytes: number
}

/**
 * `hegao backup OUT`: a copy of the data folder's database, safe to take while the server runs.
 * `VACUUM INTO` reads in one transaction, so the copy is the state after some commit (every update
 * the server had stored by then), whatever the server writes meanwhile; the server is not blocked.
 * The copy is checked before it is reported as made.
 */
export function backupDatabase(dataDir: string, out: string): BackupSummary {
  const source = path.join(dataDir, DATABASE_FILE)
  if (!fs.existsSync(source)) throw new Error(`数据目录中没有数据库：${source}`)
  if (fs.existsSync(out)) throw new Error(`备份文件已存在，不会覆盖：${out}`)
  if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new Error(`备份文件所在的目录不存在：${path.dirname(path.resolve(out))}`)
  const db = new Database(source, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare('VACUUM INTO ?').run(out)
  } finally {
    db.close()
  }
  const copy = new Database(out, { readonly: true, fileMustExist: true })
  try {
    const integrity = copy.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') {
      copy.close()
      // A damaged copy must not be kept where it could be taken for a backup.
      fs.rmSync(out, { force: true })
      throw new Error(`备份校验失败，未保留备份：${String(integrity)}`)
    }
    const count = (table: string) => (copy.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
    return { documents: count('documents'), accounts: count('users'), bytes: fs.statSync(out).size }
  } finally {
    copy.close()
  }
}
