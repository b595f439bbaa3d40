import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { downloadName, exportFile } from '../../server/export/exportFile'
import type { DocJSON } from '../../shared/docJson'

const DOC: DocJSON = {
  type: 'doc',
  content: [{ type: 'title', content: [{ type: 'text', text: '年度总结' }] }, { type: 'paragraph', content: [{ type: 'text', text: '正文。' }] }],
}

describe('exportFile', () => {
  it('serves the .docx with its content type and a UTF-8 file name', async () => {
    const file = await exportFile(DOC, 'docx', '县统计局 2022/总结')
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(file.contentDisposition).toBe(`attachment; filename="____ 2022__.docx"; filename*=UTF-8''${encodeURIComponent('县统计局 2022总结.docx')}`)
    const zip = await JSZip.loadAsync(file.body)
    expect(await zip.file('word/document.xml')?.async('string')).toContain('正文。')
  })

  it('serves the DocJSON itself as json, for the print view', async () => {
    const file = await exportFile(DOC, 'json', '年度总结')
    expect(file.contentType).toBe('application/json; charset=utf-8')
    expect(JSON.parse(file.body.toString('utf8'))).toEqual(DOC)
  })

  it('names an untitled document 公文 and drops characters a file name cannot hold', () => {
    expect(downloadName('  ', 'docx')).toBe('公文.docx')
    expect(downloadName('a:b*c?', 'json')).toBe('abc.json')
  })
})
