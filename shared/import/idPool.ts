/**
 * Section/placeholder ids in bulk, same shape as shared/ids.ts newId() (12 hex chars).
 * lib0's uuidv4 draws one random value per character (~0.1 ms an id), which alone took
 * 300 ms for a 200-page draft; here one getRandomValues call fills ids for 256 at a time.
 * crypto.getRandomValues exists in Node 20 and in browsers on plain http too.
 */
const POOL_IDS = 256
const BYTES_PER_ID = 6
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
let pool = new Uint8Array(0)
let offset = 0

export function pooledId(): string {
  if (offset >= pool.length) {
    pool = new Uint8Array(POOL_IDS * BYTES_PER_ID)
    globalThis.crypto.getRandomValues(pool)
    offset = 0
  }
  let id = ''
  for (let i = 0; i < BYTES_PER_ID; i++) id += HEX[pool[offset + i]]
  offset += BYTES_PER_ID
  return id
}
