import { HighlightColor, TextRun, type IRunOptions } from 'docx'
import type { InlineJSON } from '../../../shared/docJson'
import { BODY_CHAR_SPACING_TWIPS, FONT_SIZE_PT, LATIN_FONT, type FontFace } from '../../../shared/layout/gbt9704'

/** How a run of text is set: its CJK face, size (pt), weight and character spacing. */
export interface RunLook {
  font: FontFace
  sizePt: number
  bold?: boolean
  /** w:spacing in twips; the 三号 text uses BODY_CHAR_SPACING_TWIPS so 28 characters fill a line. */
  characterSpacing?: number
}

/** The run look of 三号 text in `font` (body and every heading level). */
export function sanHaoLook(font: FontFace, bold = false): RunLook {
  return { font, sizePt: FONT_SIZE_PT.san, bold, characterSpacing: BODY_CHAR_SPACING_TWIPS }
}

/**
 * Direct run formatting, written on every run (not only in styles) so that WPS and Word show
 * the same thing even when a user pastes the text elsewhere. hint=eastAsia makes shared
 * punctuation (“” — …) use the CJK face instead of Times New Roman.
 */
export function runOptions(look: RunLook): IRunOptions {
  return {
    font: { eastAsia: look.font.eastAsia, ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, hint: 'eastAsia' },
    size: look.sizePt * 2,
    bold: look.bold ? true : undefined,
    characterSpacing: look.characterSpacing || undefined,
    language: { eastAsia: 'zh-CN', value: 'en-US' },
  }
}

export function textRun(text: string, look: RunLook): TextRun {
  return new TextRun({ ...runOptions(look), text })
}

/**
 * Runs for inline content. A filled placeholder is just its value; an unfilled one keeps its
 * pattern (`**`) and is highlighted yellow, so nobody prints a draft with holes unnoticed.
 */
export function inlineRuns(content: readonly InlineJSON[] | undefined, look: RunLook): TextRun[] {
  const runs: TextRun[] = []
  for (const node of content ?? []) {
    if (node.type === 'text') {
      if (node.text) runs.push(textRun(node.text, look))
    } else if (node.type === 'placeholder') {
      const value = node.attrs.value
      if (value) runs.push(textRun(value, look))
      else runs.push(new TextRun({ ...runOptions(look), text: node.attrs.pattern || '*', highlight: HighlightColor.YELLOW }))
    }
  }
  return runs
}
