import { digest } from 'lib0/hash/sha256'
import type { DocJSON } from './docJson'

/**
 * Canonical serialization of a document's content: JSON with object keys sorted, so the
 * same content gives the same bytes on the server and in every client, whatever order
 * attributes were written in.
 */
export function canonicalContent(doc: DocJSON): string {
  return JSON.stringify(doc, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key]
    return sorted
  })
}

/** SHA-256 of the canonical content, hex: what a lock records and a sign-off signs. */
export function contentHash(doc: DocJSON): string {
  const bytes = digest(new TextEncoder().encode(canonicalContent(doc)))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

