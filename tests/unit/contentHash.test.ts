import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { canonicalContent, contentHash } from '../../shared/contentHash'
import { docJsonToYDoc, yDocToDocJson } from '../../shared/ydoc'
import type { DocJSON } from '../../shared/docJson'

const doc: DocJSON = {
  type: 'doc',
  content: [
    { type: 'title', content: [{ type: 'text', text: '工作总结' }] },
    { type: 'sectionHeading', attrs: { id: 's1', level: 1 }, content: [{ type: 'text', text: '基本情况' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '开展学习' }, { type: 'placeholder', attrs: { id: 'p1', kind: 'number', pattern: '**', unit: '次', value: '' } }, { type: 'text', text: '次。' }] },
  ],
}

describe('content hash', () => {
  it('is the SHA-256 of the canonical serialization', () => {
    expect(contentHash(doc)).toBe(createHash('sha256').update(canonicalContent(doc)).digest('hex'))
  })

  it('does not depend on the order attributes were written in', () => {
    const reordered = JSON.parse(JSON.stringify(doc)) as DocJSON
    const heading = reordered.content[1] as { attrs: Record<string, unknown> }
    heading.attrs = { level: 1, id: 's1' }
    expect(contentHash(reordered)).toBe(contentHash(doc))
  })

  it('is the same after a trip through a Y.Doc', () => {
    expect(contentHash(yDocToDocJson(docJsonToYDoc(doc)))).toBe(contentHash(doc))
  })

  it('changes when a placeholder is filled', () => {
    const filled = JSON.parse(JSON.stringify(doc).replace('"value":""', '"value":"12"')) as DocJSON
    expect(contentHash(filled)).not.toBe(contentHash(doc))
  })
})
