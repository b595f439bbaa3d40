import type { Version } from '../../shared/api/versions'

/**
 * Each version's number within its document, the oldest 1: the ids count across all documents,
 * so a new document's first version would read as 「#7 初稿」. `of` gives `#n`, or the id itself
 * for a version not (yet) in the list.
 */
export function versionNumbers(versions: readonly Version[] | null): (id: unknown) => string {
  const numbers = new Map([...(versions ?? [])].sort((a, b) => a.id - b.id).map((version, i) => [version.id, i + 1]))
  return (id) => `#${numbers.get(Number(id)) ?? String(id)}`
}
