import { uuidv4 } from 'lib0/random'

/**
 * Ids for sections and placeholders. lib0's uuid works in Node and in every browser,
 * including pages served over plain http on an office LAN, where crypto.randomUUID is absent.
 */
export function newId(): string {
  return uuidv4().replace(/-/g, '').slice(0, 12)
}
