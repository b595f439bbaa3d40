import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export type Db = Database.Database

/**
 * Schema migrations, applied in order once each; the index + 1 is the schema version
 * (PRAGMA user_version). Append only: never edit a migration that has shipped.
 */
export const migrations: string[] = [
  `CREATE TABLE users (
     username TEXT PRIMARY KEY,
     display_name TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     admin INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_user ON sessions(username);
   CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'draft',
     import_report TEXT,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE members (
     document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
     role TEXT NOT NULL CHECK (role IN ('owner','editor','commenter','viewer')),
     PRIMARY KEY (document_id, username)
   );
   CREATE INDEX members_user ON members(username);
   CREATE TABLE snapshots (
     document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
     state BLOB NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     data BLOB NOT NULL
   );
   CREATE INDEX updates_doc ON updates(document_id, seq);`,
  `CREATE TABLE locks (
     document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
     hash TEXT NOT NULL,
     locked_at TEXT NOT NULL
   );
   CREATE TABLE signers (
     document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     username TEXT NOT NULL,
     position INTEGER NOT NULL,
     PRIMARY KEY (document_id, username)
   );
   CREATE TABLE signoffs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     username TEXT NOT NULL,
     at TEXT NOT NULL,
     hash TEXT NOT NULL,
     voided INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX signoffs_doc ON signoffs(document_id, id);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     action TEXT NOT NULL,
     username TEXT NOT NULL,
     at TEXT NOT NULL,
     hash TEXT,
     detail TEXT
   );
   CREATE INDEX audit_doc ON audit(document_id, id);`,
  // Comment threads and section assignments refer to sections by heading id (attrs.id), which
  // survives moves and renumbering; no foreign key to users, so a comment outlives its author's account.
  `CREATE TABLE comment_threads (
     id TEXT PRIMARY KEY,
     document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     section_id TEXT NOT NULL,
     quote TEXT,
     resolved_by TEXT,
     resolved_at TEXT,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX comment_threads_doc ON comment_threads(document_id);
   CREATE TABLE comments (
     id TEXT PRIMARY KEY,
     thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
     document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     author TEXT NOT NULL,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL,
     edited_at TEXT,
     deleted INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX comments_doc ON comments(document_id);
   CREATE INDEX comments_thread ON comments(thread_id);
   CREATE TABLE assignments (
     document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     section_id TEXT NOT NULL,
     username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
     assigned_by TEXT NOT NULL,
     assigned_at TEXT NOT NULL,
     PRIMARY KEY (document_id, section_id)
   );
   CREATE INDEX assignments_user ON assignments(document_id, username);`,
  // Versions keep the full content (DocJSON) rather than a Yjs snapshot: they are read whole
  // (compare, restore) and must not depend on the update log, which compaction rewrites.
  `CREATE TABLE versions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('submit','lock','signoff','unlock','named','restore')),
     name TEXT,
     username TEXT NOT NULL,
     at TEXT NOT NULL,
     hash TEXT NOT NULL,
     content TEXT NOT NULL
   );
   CREATE INDEX versions_doc ON versions(document_id, id);`,
  // A CRC-32 of the stored bytes, checked when a document is opened instead of decoding it
  // (NULL for rows written before: those are decoded).
  `ALTER TABLE snapshots ADD COLUMN crc INTEGER;
   ALTER TABLE updates ADD COLUMN crc INTEGER;`,
  // The snapshot's Yjs state vector, so that a room can send its sync step 1 without parsing the
  // snapshot (NULL for snapshots written before).
  `ALTER TABLE snapshots ADD COLUMN state_vector BLOB;`,
  // The log clustered by document: appending a row then writes one page instead of three (the
  // row, the (document, seq) index and the AUTOINCREMENT counter). seq counts per document.
  `CREATE TABLE updates_by_document (
     document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     crc INTEGER,
     PRIMARY KEY (document_id, seq)
   ) WITHOUT ROWID;
   INSERT INTO updates_by_document (document_id, seq, data, crc) SELECT document_id, seq, data, crc FROM updates;
   DROP TABLE updates;
   ALTER TABLE updates_by_document RENAME TO updates;`,
  // A version of kind 'create' (初稿): the content a document was created with. SQLite cannot
  // change a CHECK constraint in place, so the table is rebuilt with its rows and ids.
  `CREATE TABLE versions_with_create (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('create','submit','lock','signoff','unlock','named','restore')),
     name TEXT,
     username TEXT NOT NULL,
     at TEXT NOT NULL,
     hash TEXT NOT NULL,
     content TEXT NOT NULL
   );
   INSERT INTO versions_with_create (id, document_id, kind, name, username, at, hash, content)
     SELECT id, document_id, kind, name, username, at, hash, content FROM versions;
   DROP TABLE versions;
   ALTER TABLE versions_with_create RENAME TO versions;
   CREATE INDEX versions_doc ON versions(document_id, id);`,
  // The office's own templates, beside the built-in ones: a draft's text, imported anew each use.
  `CREATE TABLE templates (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     description TEXT NOT NULL,
     text TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL
   );`,
  // A disabled account (someone who left the office) keeps its name in members, comments and the
  // audit, but can no longer sign in.
  `ALTER TABLE users ADD COLUMN disabled_at TEXT;`,
  // 签发意见: what the signer wrote with the sign-off (同意。…), part of the record.
  `ALTER TABLE signoffs ADD COLUMN opinion TEXT;`,
]

/** The database's file name inside the data folder. */
export const DATABASE_FILE = 'hegao.sqlite'

/** Opens (creating if needed) the database in `dataDir` and brings its schema up to date. */
export function openDatabase(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, DATABASE_FILE))
  // WAL + synchronous=NORMAL: a committed write survives a crash of the process
  // (only an OS crash / power loss may lose the last transactions).
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version])
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
