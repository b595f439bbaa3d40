/** Shapes of the history API (versions and comparisons), read by the client and sent by the server. */
import type { SectionDiff } from '../compare'

export const VERSION_KINDS = ['create', 'submit', 'lock', 'signoff', 'unlock', 'named', 'restore'] as const
export type VersionKind = (typeof VERSION_KINDS)[number]

/** A version as the API shows it (API "History"). */
export interface Version {
  id: number
  kind: VersionKind
  name: string | null
  username: string
  displayName: string
  at: string
  hash: string
}

/** GET /compare: the two sides (null for the current content) and the sections' differences. */
export interface Comparison {
  from: Version | null
  to: Version | null
  sections: SectionDiff[]
}
