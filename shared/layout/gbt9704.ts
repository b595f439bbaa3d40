/**
 * Every page-layout figure of a 公文 as laid out by GB/T 9704-2012 «党政机关公文格式»,
 * in one place, so the .docx export (server/export/docx/) and the browser print view
 * (client/print/) produce the same page. Each figure names the clause it comes from.
 *
 * Units: OOXML measures lengths in twips (1/20 pt; 1 mm = 1440/25.4 ≈ 56.693 twips) and font
 * sizes in half-points; CSS uses mm and pt directly.
 *
 * The calculation of the 22 × 28 grid (§5.2.2 版心, §7.1 字体字号, "一般每面排22行，每行排28个字"):
 *   text area (版心) width  = 210 − 28 − 26 = 156 mm = 8844 twips
 *   text area (版心) height = 297 − 37 − 35 = 225 mm = 12756 twips
 *   line pitch  = 225 mm / 22 = 10.227 mm = 579.8 twips → 579 twips exact line spacing.
 *     Rounded DOWN: with 580, 22 lines need 12760 twips > 12756 and the 22nd line would
 *     spill onto the next page (Word and LibreOffice only place a line that fits whole).
 *   character pitch = 156 mm / 28 = 5.571 mm = 315.9 twips; a 三号 (16 pt) CJK glyph is
 *     16 pt = 320 twips = 5.644 mm wide, so 28 glyphs (8960 twips = 158.0 mm) overflow the
 *     156 mm line. Character spacing (w:spacing, twips) = 315 − 320 = −5 twips (−0.25 pt):
 *     28 × 315 = 8820 twips (155.6 mm) fit, 29 × 315 = 9135 twips do not, so a line holds
 *     exactly 28 characters. (−4 would give 28 × 316 = 8848 > 8844: only 27 would fit.)
 *   first-line indent (§7.3 "每个自然段左空二字") = 2 character pitches = 630 twips.
 */

/** 1 mm in twips. */
export const TWIPS_PER_MM = 1440 / 25.4

export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM)

/** §5.2.1 幅面尺寸: A4, 210 mm × 297 mm. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  /** A4 in twips, the figures Word writes for A4. */
  widthTwips: 11906,
  heightTwips: 16838,
} as const

/** §5.2.2 版面 / 版心: 天头 (top) 37 mm, 订口 (left) 28 mm, text area 156 mm × 225 mm. */
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const

export const MARGIN_TWIPS = {
  top: mmToTwips(MARGIN_MM.top), // 2098
  bottom: mmToTwips(MARGIN_MM.bottom), // 1984
  left: mmToTwips(MARGIN_MM.left), // 1587
  right: mmToTwips(MARGIN_MM.right), // 1474
} as const

/** §5.2.2 版心 156 mm × 225 mm. */
export const TEXT_AREA_MM = {
  width: PAGE.widthMm - MARGIN_MM.left - MARGIN_MM.right,
  height: PAGE.heightMm - MARGIN_MM.top - MARGIN_MM.bottom,
} as const

/** §5.2.2 "一般每面排22行，每行排28个字". */
export const LINES_PER_PAGE = 22
export const CHARS_PER_LINE = 28

/** Traditional Chinese type sizes (号) in points. */
export const FONT_SIZE_PT = {
  /** 二号 */ er: 22,
  /** 三号 */ san: 16,
  /** 四号 */ si: 14,
} as const

/** Line pitch, see the calculation above: floor(225 mm / 22) in twips. */
export const LINE_PITCH_TWIPS = Math.floor(mmToTwips(TEXT_AREA_MM.height) / LINES_PER_PAGE) // 579

/** Character pitch: floor(156 mm / 28) in twips. */
export const CHAR_PITCH_TWIPS = Math.floor(mmToTwips(TEXT_AREA_MM.width) / CHARS_PER_LINE) // 315

/** Extra space after each 三号 character so 28 of them fill the 156 mm line (negative: tighter). */
export const BODY_CHAR_SPACING_TWIPS = CHAR_PITCH_TWIPS - FONT_SIZE_PT.san * 20 // −5

/** §7.3 正文 "每个自然段左空二字": two character pitches. */
export const FIRST_LINE_INDENT_TWIPS = 2 * CHAR_PITCH_TWIPS // 630

/**
 * Font names. OOXML cannot name a fallback list, so each run names the font that Word and WPS
 * resolve on a government PC (the GB2312-era names that official templates use), and the font
 * table (word/fontTable.xml) gives each an altName: the font Windows ships since Vista, which
 * Word substitutes when the named one is not installed. Latin letters and digits are in
 * Times New Roman (ascii/hAnsi), as official templates do.
 * The print view uses CSS fallback lists with the same first choice.
 */
export interface FontFace {
  /** w:rFonts w:eastAsia: the name Word/WPS look up. */
  eastAsia: string
  /** fontTable w:altName: Windows' own font, used when eastAsia is missing. */
  altName: string
  /** CSS font-family list for the print view (first the same name, then what browsers on Windows/macOS/Linux have). */
  css: string
}

export const LATIN_FONT = 'Times New Roman'

export const FONTS = {
  /** §7.3.1 标题 "一般用2号小标宋体字". */
  title: { eastAsia: '方正小标宋简体', altName: '宋体', css: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", serif' },
  /** §7.1 "如无特殊说明，公文格式各要素一般用3号仿宋体字". */
  body: { eastAsia: '仿宋_GB2312', altName: '仿宋', css: '"仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif' },
  /** §7.3.3 "第一层用黑体字". */
  heading1: { eastAsia: '黑体', altName: 'SimHei', css: '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif' },
  /** §7.3.3 "第二层用楷体字". */
  heading2: { eastAsia: '楷体_GB2312', altName: '楷体', css: '"楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", serif' },
  /** §7.5 页码 "用4号半角宋体阿拉伯数字". */
  pageNumber: { eastAsia: '宋体', altName: 'SimSun', css: '"宋体", "SimSun", "Noto Serif CJK SC", serif' },
} as const satisfies Record<string, FontFace>

/** §7.3.3 "第三层和第四层用仿宋体字标注": level 3 is set bold by common practice, level 4 plain. */
export interface HeadingStyle { font: FontFace; bold: boolean }
export const HEADING_STYLES: Record<1 | 2 | 3 | 4, HeadingStyle> = {
  1: { font: FONTS.heading1, bold: false },
  2: { font: FONTS.heading2, bold: false },
  3: { font: FONTS.body, bold: true },
  4: { font: FONTS.body, bold: false },
}

/** §7.3.1: the title is centred, may take several lines; one blank line separates it from the body. */
export const TITLE_SPACE_AFTER_TWIPS = LINE_PITCH_TWIPS

/**
 * §7.5 页码: "一般用4号半角宋体阿拉伯数字，编排在公文版心下边缘之下，数码左右各放一条一字线；
 * 一字线上距版心下边缘7 mm。单页码居右空一字，双页码居左空一字。"
 */
export const PAGE_NUMBER = {
  sizePt: FONT_SIZE_PT.si,
  /** 一字线: an em dash, one character wide in CJK fonts. */
  dash: '—',
  /** Distance from the bottom of the text area to the top of the page-number line. */
  belowTextAreaMm: 7,
  /** "空一字": one 4号 character (14 pt = 280 twips) in from the outer edge. */
  outerIndentTwips: FONT_SIZE_PT.si * 20,
  /**
   * OOXML w:footer is the distance from the page's bottom edge to the footer's last line:
   * 35 mm − 7 mm − one 14 pt line (4.94 mm) ≈ 23 mm, which puts the number's line 7 mm below the text area.
   */
  footerDistanceTwips: mmToTwips(MARGIN_MM.bottom - 7 - (FONT_SIZE_PT.si * 25.4) / 72),
} as const

/** The page-number text around the number: `— 1 —`. */
export function pageNumberText(page: number): string {
  return `${PAGE_NUMBER.dash} ${page} ${PAGE_NUMBER.dash}`
}

/**
 * The width of a line of 三号 text in characters: a CJK character or full-width form is one,
 * Latin letters, digits and half-width punctuation (set in Times New Roman) about half.
 */
export function textWidthChars(text: string): number {
  let width = 0
  for (const char of text) width += /[\u0000-\u024f\u2000-\u206f]/.test(char) && !/[“”‘’—…]/.test(char) ? 0.5 : 1
  return width
}

/**
 * §7.3.5.2 (a 公文 without a seal, as drafted here) "在正文（或附件说明）下空一行右空二字编排发文机关署名，
 * 在发文机关署名下一行编排成文日期，首字比发文机关署名首字右移二字，如成文日期长于发文机关署名，
 * 应当使发文机关署名右移，使成文日期右空二字编排": the right indents, in characters, of the
 * signature and of the date below it, from their widths. Either may be missing (then the other
 * stands two characters in from the right).
 */
export function closingRightIndents(signatureWidth: number | null, dateWidth: number | null): { signature: number; date: number } {
  if (signatureWidth === null || dateWidth === null) return { signature: 2, date: 2 }
  // The date starts two characters right of where the signature starts, and never closer than
  // two characters to the right edge.
  const date = Math.max(2, signatureWidth - dateWidth)
  return { signature: date + dateWidth + 2 - signatureWidth, date }
}

/** §7.3.4 and §7.3.5.2 "在正文下空一行": one blank grid line above the 附件说明 and the 署名. */
export const BLANK_LINE_BELOW_BODY_TWIPS = LINE_PITCH_TWIPS

/**
 * §7.2 版头, added at export when the office gives it (the 发文字号 is assigned once the text is
 * signed, so it is no part of the signed content):
 * - §7.2.4 发文机关标志 "居中排布，上边缘至版心上边缘为35mm，推荐使用小标宋体字，颜色为红色": its size is
 *   left to the office; here the largest up to 小初 (36 pt) that keeps it on one line;
 * - §7.2.5 发文字号 "编排在发文机关标志下空二行位置，居中排布…上行文的发文字号居左空一字编排，与最后一个签发人
 *   姓名处在同一行"; §7.2.6 签发人 "居右空一字…"签发人"三字用3号仿宋体字，签发人姓名用3号楷体字";
 * - §7.2.7 "发文字号之下4mm处居中印一条与版心等宽的红色分隔线";
 * - §7.3.1 the title "编排于红色分隔线下空二行位置";
 * - §7.2.1 份号 "一般用6位3号阿拉伯数字，顶格编排在版心左上角第一行", §7.2.3 紧急程度 "一般用3号黑体字，
 *   顶格编排在版心左上角"; both "按照份号、密级和保密期限、紧急程度的顺序自上而下分行排列", one grid
 *   line each, above the 发文机关标志 (whose 35 mm count from the text area's top all the same).
 */
export const LETTERHEAD = {
  issuerTopMm: 35,
  issuerMaxPt: 36,
  red: 'FF0000',
  /** Blank lines between the 发文机关标志 and the 发文字号, and between the red line and the title. */
  blankLines: 2,
  ruleBelowSerialMm: 4,
  /** The red line's weight: the standard leaves it open; 1 pt reads as a rule in print. */
  ruleWeightPt: 1,
} as const

/** Space above the 发文机关标志, whose top stays 35 mm below the text area's: less the grid lines of the `marks` above it (份号, 紧急程度). */
export function issuerSpaceBeforeTwips(marks: number): number {
  return mmToTwips(LETTERHEAD.issuerTopMm) - marks * LINE_PITCH_TWIPS
}

/** The 发文机关标志's size: as large as fits one line of the 156 mm text area, at most 小初. */
export function issuerSizePt(issuer: string): number {
  const widthPt = (TEXT_AREA_MM.width / 25.4) * 72
  return Math.min(LETTERHEAD.issuerMaxPt, Math.floor(widthPt / Math.max(1, textWidthChars(issuer))))
}

/**
 * Tables in the body. GB/T 9704 sets no face or size for them (§10 only places the page number
 * of a landscape table); offices set them in 4号 仿宋 so that a row of figures fits its columns,
 * with single black rules, as wide as the text area, columns even.
 */
export const TABLE = {
  fontSizePt: FONT_SIZE_PT.si,
  /** Exact line height of a cell's lines: 4号 with a little air (Word's single spacing of 仿宋). */
  lineTwips: 360,
  /** Space between a cell's rule and its text, left and right. */
  cellMarginTwips: 80,
  /** The rules' weight in eighths of a point (docx) — 0.5 pt. */
  ruleEighths: 4,
} as const
