import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { importText } from '../../shared/import/importText'
import { docJsonToUpdate, docJsonToYDoc, yDocToDocJson } from '../../shared/ydoc'
import { exportText } from '../../shared/export/text'
import { buildOutline } from '../../shared/outline'
import { exampleText, sampleText } from './sampleDraft'

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
