/**
 * Shapes of the HTTP API responses the client reads (see CONTRACT.md). Shapes the server also
 * declares live in shared/api/ and are imported from there on both sides.
 */
import type { ImportReport } from '../../shared/import/importReport'
import type { Signoff } from '../../shared/api/workflow'

export type Role = 'owner' | 'editor' | 'commenter' | 'viewer'
export type DocumentStatus = 'draft' | 'review' | 'locked' | 'signed'

export interface User { username: string; displayName: string; admin: boolean }

/** An account as `GET /api/users` lists it: a disabled one can no longer sign in or be chosen. */
export interface Account extends User { disabled: boolean }

export interface DocumentSummary { id: string; title: string; status: DocumentStatus; role?: Role; updatedAt?: string; awaitingMySignoff?: boolean }

export interface Member { username: string; displayName?: string; role: Role; disabled?: boolean }

export interface DocumentDetail {
  id: string
  title: string
  status: DocumentStatus
  role: Role
  members: Member[]
  /** Usernames the owner named at the lock, in order; empty unless locked/signed. */
  signers: string[]
  /** The sign-offs still valid (voided ones are only in the audit), oldest first. */
  signoffs: Signoff[]
  /** SHA-256 of the locked content; null unless locked/signed. */
  hash: string | null
  /** The report of the import that created the document, if it was imported. */
  import?: ImportReport
}

export type { CheckResult } from '../../shared/check/index'

export type { ImportReport } from '../../shared/import/importReport'

export interface CreatedDocument { id: string; title: string; status: DocumentStatus; import?: ImportReport }
