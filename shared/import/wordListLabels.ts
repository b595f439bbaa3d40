import { chineseNumeral } from '../numbering'

/**
 * The labels Word shows before its numbered paragraphs — 一、（一）1.（1） typed by Word's list
 * numbering rather than by hand — in document order. mammoth keeps the list structure but not
 * the numbers, so a draft numbered by Word would lose every heading. Computed from numbering.xml
 * (each level's format, text and start) and each paragraph's numbering, direct or from its style;
 * a bullet has an empty label.
 */
export function wordListLabels(documentXml: string, numberingXml: string | undefined, stylesXml: string | undefined): string[] {
  if (!numberingXml) return []
  const levels = numberingLevels(numberingXml)
  const styleNumbering = styleNumberings(stylesXml ?? '')
  const levelStyles = levelsByStyle(numberingXml)
  const counters = new Map<string, number[]>()
  const labels: string[] = []
  for (const [paragraph] of documentXml.matchAll(/<w:p[ >][^]*?<\/w:p>/g)) {
    const pPr = /<w:pPr>[^]*?<\/w:pPr>/.exec(paragraph)?.[0] ?? ''
    const style = attr(/<w:pStyle [^>]*>/.exec(pPr)?.[0], 'w:val')
    const direct = numberingOf(pPr)
    const numbering = direct ?? (style ? styleNumbering.get(style) ?? levelStyles.get(style) : undefined)
    if (!numbering || numbering.numId === '0') continue
    const format = levels.get(numbering.numId)
    if (!format) continue
    const count = counters.get(numbering.numId) ?? []
    const { ilvl } = numbering
    for (let l = 0; l < ilvl; l++) count[l] ??= (format[l]?.start ?? 1)
    count[ilvl] = count[ilvl] === undefined ? (format[ilvl]?.start ?? 1) : count[ilvl] + 1
    count.length = ilvl + 1 // a deeper level starts again under the next item of this one
    counters.set(numbering.numId, count)
    const level = format[ilvl]
    labels.push(!level || level.numFmt === 'bullet' || level.numFmt === 'none'
      ? ''
      : level.text.replace(/%(\d)/g, (_, n: string) => formatNumber(count[Number(n) - 1] ?? 1, format[Number(n) - 1]?.numFmt ?? 'decimal')))
  }
  return labels
}

interface LevelFormat { numFmt: string; text: string; start: number }

const attr = (tag: string | undefined, name: string) => (tag ? new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] : undefined)

function numberingOf(pPr: string): { numId: string; ilvl: number } | undefined {
  const numPr = /<w:numPr>[^]*?<\/w:numPr>/.exec(pPr)?.[0]
  const numId = attr(/<w:numId [^>]*>/.exec(numPr ?? '')?.[0], 'w:val')
  if (!numId) return undefined
  return { numId, ilvl: Math.min(8, Number(attr(/<w:ilvl [^>]*>/.exec(numPr!)?.[0], 'w:val') ?? 0)) }
}

/** numId → its levels' formats (through its abstractNum, with a level's start overridden by the num). */
function numberingLevels(xml: string): Map<string, LevelFormat[]> {
  const abstract = new Map<string, LevelFormat[]>()
  for (const [whole, id] of xml.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>[^]*?<\/w:abstractNum>/g)) {
    const levels: LevelFormat[] = []
    for (const [lvl, ilvl] of whole.matchAll(/<w:lvl [^>]*w:ilvl="(\d)"[^>]*>[^]*?<\/w:lvl>/g)) {
      levels[Number(ilvl)] = {
        numFmt: attr(/<w:numFmt [^>]*>/.exec(lvl)?.[0], 'w:val') ?? 'decimal',
        text: attr(/<w:lvlText [^>]*>/.exec(lvl)?.[0], 'w:val') ?? '',
        start: Number(attr(/<w:start [^>]*>/.exec(lvl)?.[0], 'w:val') ?? 1),
      }
    }
    abstract.set(id, levels)
  }
  const nums = new Map<string, LevelFormat[]>()
  for (const [whole, numId] of xml.matchAll(/<w:num [^>]*w:numId="(\d+)"[^>]*>[^]*?<\/w:num>/g)) {
    const levels = [...(abstract.get(attr(/<w:abstractNumId [^>]*>/.exec(whole)?.[0], 'w:val') ?? '') ?? [])]
    for (const [override, ilvl] of whole.matchAll(/<w:lvlOverride [^>]*w:ilvl="(\d)"[^>]*>[^]*?<\/w:lvlOverride>/g)) {
      const start = attr(/<w:startOverride [^>]*>/.exec(override)?.[0], 'w:val')
      if (start && levels[Number(ilvl)]) levels[Number(ilvl)] = { ...levels[Number(ilvl)], start: Number(start) }
    }
    nums.set(numId, levels)
  }
  return nums
}

/**
 * Paragraph style id → the list level that names it (Word's "link level to style": a `w:pStyle`
 * inside a `w:lvl`), with the first num of that list; as mammoth reads them.
 */
function levelsByStyle(xml: string): Map<string, { numId: string; ilvl: number }> {
  const numOf = new Map<string, string>()
  for (const [whole, numId] of xml.matchAll(/<w:num [^>]*w:numId="(\d+)"[^>]*>[^]*?<\/w:num>/g)) {
    const abstractId = attr(/<w:abstractNumId [^>]*>/.exec(whole)?.[0], 'w:val')
    if (abstractId && !numOf.has(abstractId)) numOf.set(abstractId, numId)
  }
  const found = new Map<string, { numId: string; ilvl: number }>()
  for (const [whole, id] of xml.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>[^]*?<\/w:abstractNum>/g)) {
    const numId = numOf.get(id)
    if (!numId) continue
    for (const [lvl, ilvl] of whole.matchAll(/<w:lvl [^>]*w:ilvl="(\d)"[^>]*>[^]*?<\/w:lvl>/g)) {
      const style = attr(/<w:pStyle [^>]*>/.exec(lvl)?.[0], 'w:val')
      if (style && !found.has(style)) found.set(style, { numId, ilvl: Number(ilvl) })
    }
  }
  return found
}

/** Paragraph style id → the numbering it gives its paragraphs (a 标题 1 tied to a multilevel list), through basedOn. */
function styleNumberings(xml: string): Map<string, { numId: string; ilvl: number }> {
  const own = new Map<string, { numbering?: { numId: string; ilvl: number }; basedOn?: string }>()
  for (const [whole, id] of xml.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>[^]*?<\/w:style>/g)) {
    own.set(id, { numbering: numberingOf(whole), basedOn: attr(/<w:basedOn [^>]*>/.exec(whole)?.[0], 'w:val') })
  }
  const resolved = new Map<string, { numId: string; ilvl: number }>()
  for (const id of own.keys()) {
    let style = own.get(id)
    for (let hops = 0; style && !style.numbering && style.basedOn && hops < 10; hops++) style = own.get(style.basedOn)
    if (style?.numbering) resolved.set(id, style.numbering)
  }
  return resolved
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９'

function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'japaneseCounting':
      return chineseNumeral(n)
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)])
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n)
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1))
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1))
    default:
      return String(n)
  }
}
