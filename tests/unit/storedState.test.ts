import { afterEach, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import Database from 'better-sqlite3'
import { migrations, openDatabase, type Db } from '../../server/db/database'
import { CorruptDocumentError, appendUpdate, logPosition, mergeStoredRows, readStoredState, snapshotStateVector, storeSnapshot } from '../../server/db/updates'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A database holding one document whose content is a snapshot plus one logged update. */
function documentWithLog(): { db: Db; id: string; text: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hegao-stored-'))
  dirs.push(dir)
  const db = openDatabase(dir)
  const id = 'doc1'
  db.prepare("INSERT INTO documents (id, title, created_by, created_at, updated_at) VALUES (?, 't', 'u', 'now', 'now')").run(id)
  const ydoc = new Y.Doc()
  ydoc.getText('t').insert(0, '快照')
  storeSnapshot(db, id, Y.encodeStateAsUpdate(ydoc))
  const before = Y.encodeStateVector(ydoc)
  ydoc.getText('t').insert(2, '之后')
  appendUpdate(db, id, 1, Y.encodeStateAsUpdate(ydoc, before))
  return { db, id, text: ydoc.getText('t').toString() }
}

const textOf = (state: Uint8Array) => {
  const ydoc = new Y.Doc()
  Y.applyUpdate(ydoc, state)
  return ydoc.getText('t').toString()
}

/** A database in a fresh folder as schema `version` left it, with one document, 'doc1'. */
function databaseAtSchema(version: number): { dir: string; old: Db } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hegao-stored-'))
  dirs.push(dir)
  const old = new Database(path.join(dir, 'hegao.sqlite'))
  for (const migration of migrations.slice(0, version)) old.exec(migration)
  old.pragma(`user_version = ${version}`)
  old.prepare("INSERT INTO documents (id, title, created_by, created_at, updated_at) VALUES ('doc1', 't', 'u', 'now', 'now')").run()
  return { dir, old }
}

describe('the stored state of a document', () => {
  it('is read back whole, each row checked by its checksum', () => {
    const { db, id, text } = documentWithLog()
    expect(textOf(readStoredState(db, id)!)).toBe(text)
    db.close()
  })

  it('is refused, naming the row, when a row no longer matches its checksum', () => {
    const { db, id } = documentWithLog()
    const row = db.prepare('SELECT seq, data FROM updates WHERE document_id = ?').get(id) as { seq: number; data: Buffer }
    const damaged = Buffer.from(row.data)
    damaged[damaged.length - 1] ^= 0xff
    db.prepare('UPDATE updates SET data = ? WHERE seq = ?').run(damaged, row.seq)
    expect(() => readStoredState(db, id)).toThrow(CorruptDocumentError)
    expect(() => readStoredState(db, id)).toThrow(/row 1 does not match its checksum/)
    db.close()
  })

  it('decodes rows written before checksums, and refuses those that do not decode', () => {
    const { db, id, text } = documentWithLog()
    db.prepare('UPDATE snapshots SET crc = NULL').run()
    db.prepare('UPDATE updates SET crc = NULL').run()
    expect(textOf(readStoredState(db, id)!)).toBe(text)
    db.prepare('UPDATE snapshots SET state = ?').run(Buffer.from('not a yjs update'))
    expect(() => readStoredState(db, id)).toThrow(/row 0 does not decode/)
    db.close()
  })

  it('keeps the state vector of a snapshot with it', () => {
    const { db, id } = documentWithLog()
    const state = readStoredState(db, id)!
    storeSnapshot(db, id, state)
    expect(snapshotStateVector(db, id)).toEqual(Y.encodeStateVectorFromUpdate(state))
    db.prepare('UPDATE snapshots SET state_vector = NULL').run()
    expect(snapshotStateVector(db, id)).toBeUndefined()
    db.close()
  })

  it('keeps the log rows, in order, when the log table is rebuilt clustered by document (schema 7)', () => {
    // A database as schema 6 left it, with a log written by its AUTOINCREMENT table.
    const { dir, old } = databaseAtSchema(6)
    const ydoc = new Y.Doc()
    const text = ydoc.getText('t')
    let before = Y.encodeStateVector(ydoc)
    for (const piece of ['一', '二', '三']) {
      text.insert(text.length, piece)
      const update = Y.encodeStateAsUpdate(ydoc, before)
      before = Y.encodeStateVector(ydoc)
      old.prepare('INSERT INTO updates (document_id, data, crc) VALUES (?, ?, NULL)').run('doc1', Buffer.from(update))
    }
    old.close()

    const db = openDatabase(dir)
    text.insert(text.length, '四')
    // The rows numbered by the migration are counted on from.
    expect(logPosition(db, 'doc1')).toEqual({ rows: 3, lastSeq: 3 })
    appendUpdate(db, 'doc1', logPosition(db, 'doc1').lastSeq + 1, Y.encodeStateAsUpdate(ydoc, before))
    expect(textOf(readStoredState(db, 'doc1')!)).toBe('一二三四')
    const seqs = db.prepare('SELECT seq FROM updates WHERE document_id = ? ORDER BY seq').all('doc1') as { seq: number }[]
    expect(seqs.map((row) => row.seq)).toEqual([1, 2, 3, 4])
    db.close()
  })

  it('keeps the versions, with their ids, when the table is rebuilt to take 初稿 versions (schema 8)', () => {
    const { dir, old } = databaseAtSchema(7)
    const insert = old.prepare("INSERT INTO versions (document_id, kind, name, username, at, hash, content) VALUES ('doc1', ?, ?, 'u', 'now', 'h', '{}')")
    insert.run('submit', null)
    insert.run('named', '送审前')
    expect(() => insert.run('create', null)).toThrow(/CHECK/)
    old.close()

    const db = openDatabase(dir)
    const rows = () => db.prepare('SELECT id, kind, name FROM versions ORDER BY id').all()
    expect(rows()).toEqual([{ id: 1, kind: 'submit', name: null }, { id: 2, kind: 'named', name: '送审前' }])
    db.prepare("INSERT INTO versions (document_id, kind, name, username, at, hash, content) VALUES ('doc1', 'create', NULL, 'u', 'now', 'h', '{}')").run()
    // Numbered on from the kept rows.
    expect(rows()).toHaveLength(3)
    expect((rows() as { id: number }[])[2].id).toBe(3)
    db.close()
  })

  it('merges a long log in chunks into the same bytes as one Y.mergeUpdates call', () => {
    // Five people typing and deleting at random places, every change one row, as a room logs them.
    const server = new Y.Doc()
    const rows: Uint8Array[] = []
    server.on('update', (update: Uint8Array) => rows.push(update))
    const people = Array.from({ length: 5 }, () => new Y.Doc())
    for (const person of people) {
      person.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === 'remote') return
        Y.applyUpdate(server, update)
        for (const other of people) if (other !== person) Y.applyUpdate(other, update, 'remote')
      })
    }
    let seed = 7
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let i = 0; i < 1500; i++) {
      const text = people[i % people.length].getText('t')
      const at = Math.floor(random() * (text.length + 1))
      if (text.length > 0 && random() < 0.2) text.delete(Math.min(at, text.length - 1), 1)
      else text.insert(at, '文')
    }
    const snapshot = Y.mergeUpdates(rows.slice(0, 300))
    const stored = [snapshot, ...rows.slice(300)]
    const merged = mergeStoredRows(stored)
    expect(Buffer.from(merged).equals(Buffer.from(Y.mergeUpdates(stored)))).toBe(true)
    expect(textOf(merged)).toBe(server.getText('t').toString())
  })
})
