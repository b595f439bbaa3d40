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
  /** Usernames the owner named at the lock, in order; empty unless locked/signed. */
  signers: string[]
  /** The sign-offs still valid (voided ones are only in the audit), oldest first. */
  signoffs: Signoff[]
  /** SHA-256 of the locked content; null unless locked/signed. */
  hash: string | null
  /** The report of the import that created the document, if it was imported. */
  import?: ImportReport
}

export interface Signoff { username: string; displayName: string; at: string; hash: string }

export type { CheckResult } from '../../shared/check/index'

export type VersionKind = 'submit' | 'lock' | 'signoff' | 'unlock' | 'named' | 'restore'

export interface Version {
  id: number
  kind: VersionKind
  name: string | null
  username: string
  displayName: string
  at: string
  hash: string
}

export interface DiffPart { op: 'equal' | 'insert' | 'delete'; text: string }

export interface SectionDiff {
  /** Heading id; "" for the part before the first heading (title and opening). */
  id: string
  number: string
  heading: string
  level: number
  change: 'added' | 'removed' | 'changed' | 'unchanged'
  diff: DiffPart[]
  placeholders: { id: string; before: string; after: string }[]
}

export interface Comparison { from: Version | null; to: Version | null; sections: SectionDiff[] }

export type AuditAction = 'create' | 'submit' | 'reopen' | 'lock' | 'signoff' | 'unlock' | 'member' | 'restore' | 'version'

export interface AuditEntry {
  action: AuditAction
  username: string
  at: string
  hash: string | null
  /** lock: {signers}; unlock: {reason}; member: {member, role|null}; others may add their own. */
  detail?: unknown
}

export type { ImportReport } from '../../shared/import/importReport'

export interface CreatedDocument { id: string; title: string; status: DocumentStatus; import?: ImportReport }
