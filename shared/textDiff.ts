/**
 * Character-level text diff (Myers' O(ND) algorithm), for showing what changed between two
 * versions of a section. Works on code points so a character outside the BMP is never split.
 */

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

/**
 * Beyond this many edits the texts have little in common: the trace would cost O(D²) memory,
 * and a character diff of two unrelated texts is unreadable anyway, so it becomes one
 * deletion plus one insertion.
 */
const MAX_EDITS = 2000

type Op = DiffPart['op']

export function diffText(before: string, after: string): DiffPart[] {
  const a = Array.from(before)
  const b = Array.from(after)
  let prefix = 0
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++
  const midA = a.slice(prefix, a.length - suffix)
  const midB = b.slice(prefix, b.length - suffix)

  const ops: [Op, string][] = []
  for (const ch of a.slice(0, prefix)) ops.push(['equal', ch])
  const middle = myers(midA, midB)
  if (middle) ops.push(...middle)
  else {
    for (const ch of midA) ops.push(['delete', ch])
    for (const ch of midB) ops.push(['insert', ch])
  }
  for (const ch of a.slice(a.length - suffix)) ops.push(['equal', ch])
  return merge(ops)
}

/** The shortest edit script from `a` to `b`, or null when it needs more than MAX_EDITS edits. */
function myers(a: string[], b: string[]): [Op, string][] | null {
  const n = a.length
  const m = b.length
  if (n === 0) return b.map((ch) => ['insert', ch])
  if (m === 0) return a.map((ch) => ['delete', ch])
  const max = n + m
  const v = new Int32Array(2 * max + 2)
  // trace[d] holds the furthest x on each diagonal k ∈ [-d, d] after d edits (index k + d).
  const trace: Int32Array[] = []
  let found = -1
  for (let d = 0; d <= Math.min(max, MAX_EDITS) && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1])
      let x = down ? v[max + k + 1] : v[max + k - 1] + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[max + k] = x
      if (x >= n && y >= m) found = d
    }
    trace.push(v.slice(max - d, max + d + 1))
  }
  if (found < 0) return null

  const reversed: [Op, string][] = []
  let x = n
  let y = m
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]
    const at = (k: number) => prev[k + d - 1]
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    const startX = down ? prevX : prevX + 1
    while (x > startX) {
      reversed.push(['equal', a[x - 1]])
      x--
      y--
    }
    if (down) reversed.push(['insert', b[--y]])
    else reversed.push(['delete', a[--x]])
    // After the edit we are at (prevX, prevY).
    x = prevX
    y = prevY
  }
  while (x > 0) {
    reversed.push(['equal', a[x - 1]])
    x--
  }
  return reversed.reverse()
}

/** Joins runs of the same operation into one part. */
function merge(ops: [Op, string][]): DiffPart[] {
  const parts: DiffPart[] = []
  for (const [op, ch] of ops) {
    const last = parts[parts.length - 1]
    if (last && last.op === op) last.text += ch
    else parts.push({ op, text: ch })
  }
  return parts
}
