import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { exportDocx } from '../../server/export/docx'
import { importText } from '../../shared/import/importText'
import { exportText } from '../../shared/export/text'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { DocJSON, InlineJSON } from '../../shared/docJson'
import { BODY_CHAR_SPACING_TWIPS, CHAR_PITCH_TWIPS, FIRST_LINE_INDENT_TWIPS, LINE_PITCH_TWIPS } from '../../shared/layout/gbt9704'

/** One run of word/document.xml as Word would read it. */
interface Run { text: string; eastAsia?: string; ascii?: string; halfPoints?: number; bold: boolean; highlight?: string; spacing?: number; field?: string }
interface Para { xml: string; text: string; runs: Run[]; jc?: string; firstLine?: number; line?: number; lineRule?: string }

const attr = (xml: string, element: string, name: string): string | undefined =>
  xml.match(new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`))?.[1]

function parseRuns(paragraphXml: string): Run[] {
  return [...paragraphXml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map(([, r]) => ({
    text: [...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    eastAsia: attr(r, 'w:rFonts', 'w:eastAsia'),
    ascii: attr(r, 'w:rFonts', 'w:ascii'),
    halfPoints: Number(attr(r, 'w:sz', 'w:val')) || undefined,
    bold: /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(r),
    highlight: attr(r, 'w:highlight', 'w:val'),
    spacing: attr(r, 'w:spacing', 'w:val') === undefined ? undefined : Number(attr(r, 'w:spacing', 'w:val')),
    field: r.match(/<w:instrText[^>]*>([^<]*)</)?.[1],
  }))
}

function parseParagraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map(([, p]) => {
    const runs = parseRuns(p)
    const pPr = p.match(/<w:pPr>(.*?)<\/w:pPr>/)?.[1] ?? ''
    return {
      xml: p, runs, text: runs.map((r) => r.text).join(''),
      jc: attr(pPr, 'w:jc', 'w:val'),
      firstLine: attr(pPr, 'w:ind', 'w:firstLine') === undefined ? undefined : Number(attr(pPr, 'w:ind', 'w:firstLine')),
      line: Number(attr(pPr, 'w:spacing', 'w:line')) || undefined,
      lineRule: attr(pPr, 'w:spacing', 'w:lineRule'),
    }
  })
}

async function unpack(buffer: Buffer): Promise<JSZip> {
  return JSZip.loadAsync(buffer)
}
async function part(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path)
  if (!file) throw new Error(`${path} missing; parts: ${Object.keys(zip.files).join(', ')}`)
  return file.async('string')
}

const text = (t: string): InlineJSON => ({ type: 'text', text: t })
const placeholder = (pattern: string, value = ''): InlineJSON => ({ type: 'placeholder', attrs: { id: null, kind: 'number', pattern, unit: '次', value } })
const heading = (level: number, ...content: InlineJSON[]) => ({ type: 'sectionHeading' as const, attrs: { id: null, level }, content })
const paragraph = (...content: InlineJSON[]) => ({ type: 'paragraph' as const, content })

const SAMPLE: DocJSON = {
  type: 'doc',
  content: [
    { type: 'title', content: [text('县统计局2022年工作总结')] },
    paragraph(text('现将工作总结报告如下。')),
    heading(1, text('工作开展情况')),
    heading(2, text('落实全面从严治党责任。'), text('开展学习'), placeholder('**'), text('次，讲党课'), placeholder('*', '3'), text('次。')),
    heading(3, text('抓实党建')),
    heading(4, text('按时开展学习')),
    paragraph(text('正文段落，含“引号”。')),
    heading(2, text('强化思想引领')),
    heading(1, text('存在的问题')),
  ],
}

describe('exportDocx', () => {
  it('lays the page out as A4 with the GB/T 9704 margins and odd/even page-number footers', async () => {
    const zip = await unpack(await exportDocx(SAMPLE))
    const xml = await part(zip, 'word/document.xml')
    expect(attr(xml, 'w:pgSz', 'w:w')).toBe('11906')
    expect(attr(xml, 'w:pgSz', 'w:h')).toBe('16838')
    // 37, 35, 28, 26 mm in twips (1 mm = 56.69 twips).
    expect(attr(xml, 'w:pgMar', 'w:top')).toBe('2098')
    expect(attr(xml, 'w:pgMar', 'w:bottom')).toBe('1984')
    expect(attr(xml, 'w:pgMar', 'w:left')).toBe('1587')
    expect(attr(xml, 'w:pgMar', 'w:right')).toBe('1474')
    expect(xml).toMatch(/<w:footerReference w:type="default"/)
    expect(xml).toMatch(/<w:footerReference w:type="even"/)
    expect(await part(zip, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>')
  })

  it('sets the 主送机关 flush left, and the 署名 and 成文日期 to the right by §7.3.5.2, a blank line below the body', async () => {
    const notice = importText(['关于开展统计执法检查的通知', '各乡镇人民政府，县直各单位：', '现将有关事项通知如下。', '特此通知。', '附件：1.检查表', '2.填报说明', '县统计局', '2023年5月10日'].join('\n')).doc
    const paragraphs = parseParagraphs(await part(await unpack(await exportDocx(notice)), 'word/document.xml'))
    const byText = (t: string) => paragraphs.find((p) => p.text === t)!
    const pPr = (p: Para) => p.xml.match(/<w:pPr>(.*?)<\/w:pPr>/)![1]
    expect(byText('各乡镇人民政府，县直各单位：')).toMatchObject({ jc: 'both', firstLine: 0 })
    expect(byText('现将有关事项通知如下。').firstLine).toBe(FIRST_LINE_INDENT_TWIPS)
    const signature = byText('县统计局')
    const date = byText('2023年5月10日')
    expect([signature.jc, date.jc]).toEqual(['right', 'right'])
    // 县统计局 (4 characters) over 2023年5月10日 (6.5): the date two characters in from the right, the signature 6.5.
    expect(Number(attr(pPr(date), 'w:ind', 'w:right'))).toBe(2 * CHAR_PITCH_TWIPS)
    expect(Number(attr(pPr(signature), 'w:ind', 'w:right'))).toBe(Math.round(6.5 * CHAR_PITCH_TWIPS))
    expect(Number(attr(pPr(signature), 'w:spacing', 'w:before'))).toBe(LINE_PITCH_TWIPS)
    expect(Number(attr(pPr(date), 'w:spacing', 'w:before') ?? 0)).toBe(0)
    expect([signature.firstLine, date.firstLine]).toEqual([0, 0])
    // §7.3.4: 附件： two characters in, a blank line above; 2. under 1., the names aligned.
    const [first, second] = [byText('附件：1.检查表'), byText('2.填报说明')]
    expect([attr(pPr(first), 'w:ind', 'w:left'), attr(pPr(first), 'w:ind', 'w:hanging')].map(Number)).toEqual([6 * CHAR_PITCH_TWIPS, 4 * CHAR_PITCH_TWIPS])
    expect([attr(pPr(second), 'w:ind', 'w:left'), attr(pPr(second), 'w:ind', 'w:hanging')].map(Number)).toEqual([6 * CHAR_PITCH_TWIPS, CHAR_PITCH_TWIPS])
    expect(Number(attr(pPr(first), 'w:spacing', 'w:before'))).toBe(LINE_PITCH_TWIPS)
  })

  it('sets the title in 方正小标宋简体 二号, centred', async () => {
    const [title] = parseParagraphs(await part(await unpack(await exportDocx(SAMPLE)), 'word/document.xml'))
    expect(title.text).toBe('县统计局2022年工作总结')
    expect(title.jc).toBe('center')
    expect(title.firstLine).toBe(0)
    for (const run of title.runs) {
      expect(run.eastAsia).toBe('方正小标宋简体')
      expect(run.halfPoints).toBe(44)
    }
  })

  it('numbers the headings and sets each level in its face, all 三号, and the body in 仿宋_GB2312 on the 22-line grid', async () => {
    const paras = parseParagraphs(await part(await unpack(await exportDocx(SAMPLE)), 'word/document.xml'))
    const byStart = (start: string) => {
      const found = paras.find((p) => p.text.startsWith(start))
      if (!found) throw new Error(`no paragraph starts with ${start}: ${paras.map((p) => p.text).join(' | ')}`)
      return found
    }
    const expectations: [string, string, boolean][] = [
      ['一、工作开展情况', '黑体', false],
      ['（一）落实全面从严治党责任。', '楷体_GB2312', false],
      ['1.抓实党建', '仿宋_GB2312', true],
      ['（1）按时开展学习', '仿宋_GB2312', false],
      ['（二）强化思想引领', '楷体_GB2312', false],
      ['二、存在的问题', '黑体', false],
    ]
    for (const [start, face, bold] of expectations) {
      const p = byStart(start)
      const first = p.runs[0]
      expect(first.eastAsia, start).toBe(face)
      expect(first.bold, start).toBe(bold)
      expect(first.halfPoints, start).toBe(32)
      expect(first.ascii, start).toBe('Times New Roman')
      expect(p.firstLine, start).toBe(FIRST_LINE_INDENT_TWIPS)
    }
    const body = byStart('正文段落')
    expect(body.runs.every((r) => r.eastAsia === '仿宋_GB2312' && r.halfPoints === 32 && !r.bold)).toBe(true)
    expect(body.runs[0].spacing).toBe(BODY_CHAR_SPACING_TWIPS)
    expect(body.line).toBe(LINE_PITCH_TWIPS)
    expect(body.lineRule).toBe('exact')
    expect(body.firstLine).toBe(630)
    expect(body.jc).toBe('both')
    // Widow/orphan control would leave pages a line short of 22.
    expect(body.xml).toContain('<w:widowControl w:val="false"/>')
  })

  it('keeps a run-in heading in one paragraph: heading sentence in 楷体, the rest in 仿宋', async () => {
    const paras = parseParagraphs(await part(await unpack(await exportDocx(SAMPLE)), 'word/document.xml'))
    const runIn = paras.filter((p) => p.text.includes('落实全面从严治党责任'))
    expect(runIn).toHaveLength(1)
    const [p] = runIn
    expect(p.text).toBe('（一）落实全面从严治党责任。开展学习**次，讲党课3次。')
    const headingText = p.runs.filter((r) => r.eastAsia === '楷体_GB2312').map((r) => r.text).join('')
    const bodyText = p.runs.filter((r) => r.eastAsia === '仿宋_GB2312').map((r) => r.text).join('')
    expect(headingText).toBe('（一）落实全面从严治党责任。')
    expect(bodyText).toBe('开展学习**次，讲党课3次。')
  })

  it('highlights an unfilled placeholder yellow and writes a filled one as its plain value', async () => {
    const paras = parseParagraphs(await part(await unpack(await exportDocx(SAMPLE)), 'word/document.xml'))
    const runs = paras.flatMap((p) => p.runs)
    const unfilled = runs.filter((r) => r.text === '**')
    expect(unfilled).toHaveLength(1)
    expect(unfilled[0].highlight).toBe('yellow')
    const filled = runs.find((r) => r.text === '3')
    expect(filled?.highlight).toBeUndefined()
    expect(runs.filter((r) => r.highlight)).toHaveLength(1)
  })

  it('puts the page number as a PAGE field between one-character dashes, odd right and even left, in 4号 宋体', async () => {
    const zip = await unpack(await exportDocx(SAMPLE))
    const rels = await part(zip, 'word/_rels/document.xml.rels')
    const xml = await part(zip, 'word/document.xml')
    const footerPath = (type: string) => {
      const id = xml.match(new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`))?.[1]
      const target = rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`))
      return `word/${target?.[1] ?? target?.[2]}`
    }
    for (const [type, jc] of [['default', 'right'], ['even', 'left']] as const) {
      const [p] = parseParagraphs(await part(zip, footerPath(type)))
      expect(p.jc).toBe(jc)
      expect(p.text).toBe('—  —')
      expect(p.runs.some((r) => r.field?.trim() === 'PAGE')).toBe(true)
      expect(p.runs.every((r) => r.eastAsia === '宋体' && r.ascii === '宋体' && r.halfPoints === 28)).toBe(true)
      expect(p.xml).toContain(type === 'default' ? 'w:right="280"' : 'w:left="280"')
    }
  })

  it('names each CJK face with the Windows font Word substitutes when it is missing', async () => {
    const fonts = await part(await unpack(await exportDocx(SAMPLE)), 'word/fontTable.xml')
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/)
    expect(fonts).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/)
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/)
  })

  it('adds the content hash and the sign-off record on a last page of a signed document only', async () => {
    const hash = 'a'.repeat(64)
    const signed = parseParagraphs(await part(await unpack(await exportDocx(SAMPLE, {
      hash, status: 'signed',
      signoffs: [
        { username: 'leader', displayName: '王局长', at: '2026-11-24T10:30:00.000Z', hash, opinion: '同意。' },
        { username: 'deputy', displayName: '李副局长', at: '2026-11-24T11:00:00.000Z', hash },
      ],
    })), 'word/document.xml'))
    const start = signed.findIndex((p) => p.text === '定稿与签发记录')
    expect(start).toBeGreaterThan(0)
    expect(signed[start].xml).toContain('<w:pageBreakBefore/>')
    const record = signed.slice(start).map((p) => p.text).join('\n')
    expect(record).toContain('已签发')
    expect(record).toContain(hash)
    expect(record).toContain('王局长（leader）于 2026-11-24 18:30（北京时间） 签发')
    expect(record.match(/签发意见：.*/g)).toEqual(['签发意见：同意。'])

    const draft = parseParagraphs(await part(await unpack(await exportDocx(SAMPLE)), 'word/document.xml'))
    expect(draft.some((p) => p.text.includes('签发记录'))).toBe(false)
  })

  it('gives back the imported text paragraph by paragraph (text → document → .docx → text)', async () => {
    const source = [
      '县统计局2022年工作总结',
      '现将工作总结报告如下。',
      '一、工作开展情况',
      '（一）落实责任。开展学习**次，讲党课*次。',
      '（二）强化引领。组织调研*次。',
      '二、存在的问题',
      '统计基础还不牢固。',
    ]
    const { doc } = importText(source.join('\n'))
    const paras = parseParagraphs(await part(await unpack(await exportDocx(doc)), 'word/document.xml'))
    expect(paras.map((p) => p.text)).toEqual(source)
  })

  it('carries exactly the text the text export gives for the sample draft, numbers and placeholders included', async () => {
    const sample = readFileSync(path.resolve(import.meta.dirname, '../../../shared/samples/county-stats-bureau-2022-summary.txt'), 'utf8')
    const { doc } = importText(sample)
    const paras = parseParagraphs(await part(await unpack(await exportDocx(doc)), 'word/document.xml'))
    const textLines = exportText(doc).split('\n').filter((line) => line !== '')
    expect(paras.map((p) => p.text)).toEqual(textLines)
    // The draft's 二、 → 四、 slip comes out renumbered.
    expect(paras.map((p) => p.text)).toContain('三、下步工作打算')
  })
})

describe('run-in headings in the export', () => {
  const exported = async (...content: InlineJSON[]) => {
    const doc: DocJSON = { type: 'doc', content: [{ type: 'title', content: [text('标题')] }, heading(2, ...content)] }
    return parseParagraphs(await part(await unpack(await exportDocx(doc)), 'word/document.xml'))[1]
  }

  it('keeps a heading that ends at its 。 wholly in the heading face', async () => {
    const p = await exported(text('强化思想引领。'))
    expect(p.text).toBe('（一）强化思想引领。')
    expect(p.runs.every((r) => r.eastAsia === '楷体_GB2312')).toBe(true)
  })

  it('sets a placeholder right after the heading sentence in the body face', async () => {
    const p = await exported(text('开展驻村帮扶。选派'), placeholder('*'), text('名第一书记。'))
    expect(p.runs.filter((r) => r.eastAsia === '楷体_GB2312').map((r) => r.text).join('')).toBe('（一）开展驻村帮扶。')
    expect(p.runs.filter((r) => r.eastAsia === '仿宋_GB2312').map((r) => r.text).join('')).toBe('选派*名第一书记。')
  })

  it('treats a level outside 1–4 as the nearest level instead of failing', async () => {
    const doc: DocJSON = { type: 'doc', content: [{ type: 'title', content: [text('标题')] }, heading(7, text('第四层'))] }
    const [, p] = parseParagraphs(await part(await unpack(await exportDocx(doc)), 'word/document.xml'))
    expect(p.text).toBe('（1）第四层')
  })
})
