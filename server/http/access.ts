import type { AppContext } from './context'
import { getDocument, getRole, type DocumentRecord, type Role } from '../db/documents'
import type { User } from '../db/users'
import { forbidden, notFound } from './errors'

const DOC_ID = /^[A-Za-z0-9_-]{1,64}$/

/** The document and the caller's role in it: 404 if it does not exist, 403 if not a member. */
export function requireDocument(app: AppContext, user: User, id: string): { doc: DocumentRecord; role: Role } {
  const doc = DOC_ID.test(id) ? getDocument(app.db, id) : undefined
  if (!doc) throw notFound('文档不存在')
  const role = getRole(app.db, id, user.username)
  if (!role) throw forbidden('您不是该文档的成员（或已被移出）')
  return { doc, role }
}

export function requireOwner(app: AppContext, user: User, id: string): DocumentRecord {
  const { doc, role } = requireDocument(app, user, id)
  if (role !== 'owner') throw forbidden('只有文档所有者可以执行此操作')
  return doc
}
