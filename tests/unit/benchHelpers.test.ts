import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { distribution, percentile } from '../../bench/lib/stats'
import { buildTypingTrace } from '../../bench/clients/typingTrace'
import { contentDigest, ensureParagraph, seededRandom, textNodes, typeAtRandom } from '../../bench/clients/editing'

describe('the benchmark helpers', () => {
  it('takes percentiles by nearest rank, so p99 of 100 values is the 99th smallest', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i)
    expect(percentile(values, 50)).toBe(50)
    expect(percentile(values, 99)).toBe(99)
    expect(distribution(values)).toMatchObject({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 })
  })

  it('builds the same typing trace every time, with a history longer than its visible text', () => {
    const first = buildTypingTrace(2000)
    const second = buildTypingTrace(2000)
    expect(Buffer.from(first.update).equals(Buffer.from(second.update))).toBe(true)
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, first.update)
    const visible = textNodes(ydoc).reduce((sum, text) => sum + text.length, 0)
    expect(visible).toBe(first.length)
    // Backspaces remove characters: fewer remain than were typed.
    expect(visible).toBeGreaterThan(1000)
    expect(visible).toBeLessThan(2000)
  })

  it('lets two replicas typing at random places converge to the same content', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    ensureParagraph(a)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const randomA = seededRandom(1)
    const randomB = seededRandom(2)
    for (let i = 0; i < 50; i++) {
      typeAtRandom(a, randomA, 'a')
      typeAtRandom(b, randomB, 'b')
    }
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(contentDigest(a)).toBe(contentDigest(b))
    expect(textNodes(a)[0].length).toBe(100)
  })
})
