import type { IncomingMessage } from 'node:http'
import type { Db } from '../db/database'
import { getDocument, getRole, type Role } from '../db/documents'
import { sessionId, userForToken } from '../db/sessions'
import type { User } from '../db/users'
import { CloseCodes } from '../../shared/closeCodes'
import { SCHEMA_VERSION } from '../../shared/schema/version'

const PATH = /^\/collab\/([A-Za-z0-9_-]{1,64})$/

export type UpgradeTarget = { documentId: string; token: string | null; outdated: boolean } | undefined

/**
 * Whether the upgrade comes from an editor of another schema version. Our editor sends
 * `schema`; a browser page without it is one built before the check existed (scripts and
 * other y-websocket clients outside a browser send no Origin and keep working without it).
 */
function outdatedEditor(req: IncomingMessage, url: URL): boolean {
  const schema = url.searchParams.get('schema')
  if (schema === null) return req.headers.origin !== undefined
  return schema !== String(SCHEMA_VERSION)
}

/** The document id and token of an upgrade request, or undefined if the path is not a collab path. */
export function parseUpgrade(req: IncomingMessage): UpgradeTarget {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const match = PATH.exec(url.pathname)
  if (!match) return undefined
  return { documentId: match[1], token: url.searchParams.get('token'), outdated: outdatedEditor(req, url) }
}

export type Authorization =
  | { ok: true; user: User; role: Role; session: string }
  | { ok: false; code: number; reason: string }

/** Decides whether a token may open a document, touching nothing but the database. */
export function authorize(db: Db, documentId: string, token: string | null): Authorization {
  const user = userForToken(db, token)
  if (!user) return { ok: false, ...CloseCodes.Unauthorized }
  if (!getDocument(db, documentId)) return { ok: false, ...CloseCodes.NotFound }
  const role = getRole(db, documentId, user.username)
  if (!role) return { ok: false, ...CloseCodes.Forbidden }
  return { ok: true, user, role, session: sessionId(token!) }
}
