import { FONTS, LATIN_FONT } from '../../../shared/layout/gbt9704'

/**
 * word/fontTable.xml. The docx package only writes fonts it embeds, so we write the table
 * ourselves: each CJK face with w:altName (the font Windows ships, which Word uses when the
 * named one is missing, e.g. 仿宋 for 仿宋_GB2312), the GB2312 charset (0x86) and PANOSE, which
 * Word and WPS also use to pick a similar face. Fonts are named, never embedded (licences).
 */
interface FontEntry { name: string; altName?: string; panose: string; charset: string; family: string; pitch: string }

const CJK_PANOSE = '02010609060101010101'

const ENTRIES: FontEntry[] = [
  { name: LATIN_FONT, panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  { name: FONTS.body.eastAsia, altName: FONTS.body.altName, panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONTS.body.altName, altName: 'FangSong', panose: CJK_PANOSE, charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONTS.title.eastAsia, altName: FONTS.title.altName, panose: '02000000000000000000', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONTS.heading1.eastAsia, altName: FONTS.heading1.altName, panose: CJK_PANOSE, charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONTS.heading2.eastAsia, altName: FONTS.heading2.altName, panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONTS.heading2.altName, altName: 'KaiTi', panose: CJK_PANOSE, charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONTS.pageNumber.eastAsia, altName: FONTS.pageNumber.altName, panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
]

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

function fontXml(font: FontEntry): string {
  return `<w:font w:name="${escapeXml(font.name)}">`
    + (font.altName ? `<w:altName w:val="${escapeXml(font.altName)}"/>` : '')
    + `<w:panose1 w:val="${font.panose}"/><w:charset w:val="${font.charset}"/>`
    + `<w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`
}

export function fontTableXml(): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    + 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + ENTRIES.map(fontXml).join('')
    + '</w:fonts>'
}

/** The Packer override that replaces the generated font table. */
export const FONT_TABLE_OVERRIDE = { path: 'word/fontTable.xml', get data() { return fontTableXml() } }
