import * as Y from 'yjs'
import type { Db } from './db/database'
import { createDocument, type DocumentRecord } from './db/documents'
import { recordVersion } from './db/versions'
import { recordAudit } from './db/workflow'
import { contentHash } from '../shared/contentHash'
import { newId } from '../shared/ids'
import { docJsonToYDoc, yDocToDocJson } from '../shared/ydoc'
import type { DocJSON, InlineJSON } from '../shared/docJson'
import { inlineText, titleContent } from '../shared/sections'

export function titleText(doc: DocJSON): string {
  return titleOf(titleContent(doc))
}

/** The list's title of a title line: a placeholder as its value or, open, its stars (「**镇2023年工作总结」 stays recognisable). */
export function titleOf(content: InlineJSON[]): string {
  return inlineText(content).trim()
}

/**
 * Makes sure the document starts with a title node carrying `title`. A title the user typed
 * replaces the imported one; otherwise an imported title is kept as it is (with its inline content).
 */
function withTitle(doc: DocJSON, title: string, typed: boolean): DocJSON {
  const [first, ...rest] = doc.content
  if (first?.type === 'title' && titleText(doc) && (!typed || titleText(doc) === title)) return doc
  const body = first?.type === 'title' ? rest : doc.content
  return { type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: title }] }, ...body] } as DocJSON
}

/**
 * Creates a document whose content the server writes itself, as its first snapshot, so that
 * no client ever inserts the initial text (two clients opening a new document at once would
 * otherwise both insert it). The content is also its first version (初稿), so the history can
 * compare with the draft as it was imported and restore it, and the audit's first entry, with
 * `detail` (where it came from).
 */
export function seedDocument(
  db: Db,
  input: { title: string; doc: DocJSON; report?: unknown; owner: string; titleTyped?: boolean; detail?: unknown },
): DocumentRecord {
  const ydoc = docJsonToYDoc(withTitle(input.doc, input.title, input.titleTyped ?? false))
  // Read back from the Y.Doc: the version is what every editor and the server's check see.
  const content = yDocToDocJson(ydoc)
  return db.transaction(() => {
    const record = createDocument(db, { id: newId(), title: input.title, owner: input.owner, importReport: input.report, snapshot: Y.encodeStateAsUpdate(ydoc) })
    recordVersion(db, record.id, { kind: 'create', username: input.owner, content })
    recordAudit(db, record.id, { action: 'create', username: input.owner, hash: contentHash(content), ...(input.detail ? { detail: input.detail } : {}) })
    return record
  })()
}
