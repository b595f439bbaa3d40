/** Shapes of the HTTP API responses the client reads (see CONTRACT.md). */
import type { ImportReport } from '../../shared/import/importReport'

export type Role = 'owner' | 'editor' | 'commenter' | 'viewer'
export type DocumentStatus = 'draft' | 'review' | 'locked' | 'signed'

export interface User { username: string; displayName: string; admin: boolean }

export interface DocumentSummary { id: string; title: string; status: DocumentStatus; role?: Role; updatedAt?: string }

export interface Member { username: string; displayName?: string; role: Role }

export interface DocumentDetail {
  id: string
  title: string
  status: DocumentStatus
  role: Role
  members: Member[]
  signers?: unknown[]
  signoffs?: unknown[]
  /** The report of the import that created the document, if it was imported. */
  import?: ImportReport
}

export type { ImportReport } from '../../shared/import/importReport'

export interface CreatedDocument { id: string; title: string; status: DocumentStatus; import?: ImportReport }
