import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readUpdateHeader } from '../../server/collab/updateHeader'
import { docJsonToUpdate } from '../../shared/ydoc'
import { importText } from '../../shared/import/importText'
import { sampleText } from './sampleDraft'

/** What a whole decode says: the reference the header reading must agree with. */
function decoded(update: Uint8Array) {
  const { structs, ds } = Y.decodeUpdate(update)
  const firstClocks = new Map<number, number>()
  for (const { id } of structs) if ((firstClocks.get(id.client) ?? Infinity) > id.clock) firstClocks.set(id.client, id.clock)
  return { empty: structs.length === 0 && ds.clients.size === 0, firstClocks }
}

/** Every update two typists produce: keystrokes, deletions, formatting, and the merged state. */
function typedUpdates(): Uint8Array[] {
  const updates: Uint8Array[] = []
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array) => updates.push(update))
  const text = a.getText('body')
  for (const char of '全县统计工作稳中有进') text.insert(text.length, char)
  text.format(2, 3, { bold: true })
  text.delete(0, 2)
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  b.getText('body').insert(1, '又')
  const merged = Y.encodeStateAsUpdate(b)
  return [...updates, merged, Y.mergeUpdates([merged, docJsonToUpdate(importText(sampleText()).doc)])]
}

describe('reading an update header', () => {
  it('agrees with a whole decode on keystrokes, deletions, formatting and merged states', () => {
    const updates = typedUpdates()
    expect(updates.some((update) => decoded(update).firstClocks.size > 1)).toBe(true)
    for (const update of updates) expect(readUpdateHeader(update)).toEqual(decoded(update))
  })

  it('finds an empty update empty, and one of deletions only not', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc())
    expect(readUpdateHeader(empty)).toEqual({ empty: true, firstClocks: new Map() })
    const doc = new Y.Doc()
    doc.getText('t').insert(0, '统计')
    const deletions: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => deletions.push(update))
    doc.getText('t').delete(0, 1)
    expect(readUpdateHeader(deletions[0])).toEqual({ empty: false, firstClocks: new Map() })
  })

  it('throws on bytes that end inside the header', () => {
    expect(() => readUpdateHeader(new Uint8Array([1, 1]))).toThrow()
    expect(() => readUpdateHeader(new Uint8Array([]))).toThrow()
  })
})
