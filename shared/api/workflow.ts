/** Shapes of the workflow API (audit log and sign-offs), read by the client and sent by the server. */

export const AUDIT_ACTIONS = ['create', 'submit', 'reopen', 'lock', 'signoff', 'unlock', 'member', 'restore', 'version'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export interface AuditEntry {
  action: AuditAction
  username: string
  at: string
  hash: string | null
  /** lock: {signers}; unlock: {reason}; member: {member, role|null}; others may add their own. */
  detail?: unknown
}

export interface Signoff {
  username: string
  displayName: string
  at: string
  hash: string
  /** 签发意见, when the signer wrote one. */
  opinion?: string
}
