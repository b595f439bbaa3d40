import { describe, expect, it } from 'vitest'
import { hegaoSchema } from '../../shared/schema/index'
import { findQuote } from '../../client/comments/quoteLocation'
import { heading, paragraph, placeholder, text } from '../helpers/docBuilders'

const doc = hegaoSchema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'title', content: [text('题')] },
    heading('s1', 1, text('工作情况')),
    paragraph(text('全年开展学习'), placeholder('p1', '12'), text('次，统计基础扎实。')),
    heading('s2', 1, text('存在问题')),
    paragraph(text('统计基础薄弱。')),
  ],
})
const quoted = (sectionId: string, quote: string) => {
  const found = findQuote(doc, sectionId, quote)
  return found && doc.textBetween(found.from, found.to)
}

describe('finding a comment\'s quote in its section', () => {
  it('finds the words in the thread\'s own section, not in another one', () => {
    const inS2 = findQuote(doc, 's2', '统计基础')!
    const inS1 = findQuote(doc, 's1', '统计基础')!
    expect(inS2.from).toBeGreaterThan(inS1.from)
    expect(quoted('s2', '统计基础')).toBe('统计基础')
  })

  it('finds a quote across a placeholder or blocks by its longest piece of text', () => {
    expect(quoted('s1', '开展学习□次，统计基础扎实')).toBe('次，统计基础扎实')
    expect(quoted('s1', '工作情况\n全年开展学习')).toBe('全年开展学习')
  })

  it('finds nothing once the text or the section is gone', () => {
    expect(findQuote(doc, 's2', '统计工作基础')).toBeNull()
    expect(findQuote(doc, 'missing', '统计基础')).toBeNull()
    expect(findQuote(doc, 's1', '□\n')).toBeNull()
  })
})
