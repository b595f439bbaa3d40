import type { IncomingMessage } from 'node:http'
import type { Config } from '../config'
import type { Db } from '../db/database'
import { userForToken } from '../db/sessions'
import type { User } from '../db/users'
import type { Rooms } from '../collab/rooms'
import type { DocumentEvents } from '../events/documentEvents'
import { unauthorized } from './errors'

/** What every route handler may use. */
export interface AppContext {
  config: Config
  db: Db
  rooms: Rooms
  /** Tells open clients when a document's status, members, comments… change. */
  events: DocumentEvents
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return match?.[1]
}

/** The signed-in user of the request, or 401. */
export function requireUser(app: AppContext, req: IncomingMessage): User {
  const user = userForToken(app.db, bearerToken(req))
  if (!user) throw unauthorized()
  return user
}
