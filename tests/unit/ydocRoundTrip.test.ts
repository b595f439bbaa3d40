import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { importText } from '../../shared/import/importText'
import { docJsonToUpdate, docJsonToYDoc, yDocTitleContent, yDocToDocJson } from '../../shared/ydoc'
import { exportText } from '../../shared/export/text'
import { buildOutline } from '../../shared/outline'
import { exampleText, sampleText } from './sampleDraft'
import { paragraph, placeholder, text } from '../helpers/docBuilders'
import type { DocJSON } from '../../shared/docJson'

describe('document → Y.Doc → document', () => {
  it('keeps the imported sample intact, ids and placeholder attributes included', () => {
    const { doc } = importText(sampleText())
    const back = yDocToDocJson(docJsonToYDoc(doc))
    expect(back).toEqual(doc)
    expect(exportText(back)).toBe(exportText(doc))
  })

  it('keeps an example with all four levels intact through a Yjs update', () => {
    const { doc } = importText(exampleText('town-2024-work-plan.txt'))
    const replica = new Y.Doc()
    Y.applyUpdate(replica, docJsonToUpdate(doc))
    const back = yDocToDocJson(replica)
    expect(back).toEqual(doc)
    expect(buildOutline(back)).toEqual(buildOutline(doc))
  })
})

describe('the title line read from a Y.Doc', () => {
  it('gives the title content as the whole conversion does, placeholders included', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'title', content: [placeholder('p1', '', '**'), text('镇2023年'), placeholder('p2', '8', '*', '项'), text('工作总结')] },
        paragraph(text('正文')),
      ],
    } as unknown as DocJSON
    const ydoc = docJsonToYDoc(doc)
    expect(yDocTitleContent(ydoc)).toEqual(yDocToDocJson(ydoc).content[0].content)
  })

  it('is empty for a document whose first block is not a title', () => {
    expect(yDocTitleContent(docJsonToYDoc({ type: 'doc', content: [paragraph(text('正文'))] } as unknown as DocJSON))).toEqual([])
  })
})
