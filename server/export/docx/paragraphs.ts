import { AlignmentType, LineRuleType, Paragraph, type IParagraphOptions } from 'docx'
import type { BlockJSON, DocJSON, InlineJSON, SectionHeadingJSON, TitleJSON } from '../../../shared/docJson'
import { numberLabels } from '../../../shared/numbering'
import { clampLevel } from '../../../shared/schema/sectionHeading'
import {
  FIRST_LINE_INDENT_TWIPS, FONTS, FONT_SIZE_PT, HEADING_STYLES, LINE_PITCH_TWIPS, TITLE_SPACE_AFTER_TWIPS,
} from '../../../shared/layout/gbt9704'
import { inlineRuns, sanHaoLook, textRun, type RunLook } from './runs'
import { splitRunIn } from '../../../shared/sections'

const BODY_LOOK = sanHaoLook(FONTS.body)

/** Exact line spacing of one grid line (see shared/layout/gbt9704.ts for the 22-line calculation). */
const GRID_LINE = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const

/**
 * Body paragraphs and headings: justified, indented two characters, on the line grid.
 * Widow/orphan control is off, as in 公文 templates: it would leave pages one line short of the
 * 22 lines §5.2.2 asks for (LibreOffice turns it on when the file does not say).
 */
export const BODY_PARAGRAPH: IParagraphOptions = {
  alignment: AlignmentType.BOTH,
  widowControl: false,
  spacing: GRID_LINE,
  indent: { firstLine: FIRST_LINE_INDENT_TWIPS },
}

export function headingLook(level: number): RunLook {
  const style = HEADING_STYLES[clampLevel(level) as 1 | 2 | 3 | 4]
  return sanHaoLook(style.font, style.bold)
}

function titleParagraph(title: TitleJSON): Paragraph {
  const look: RunLook = { font: FONTS.title, sizePt: FONT_SIZE_PT.er }
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...GRID_LINE, after: TITLE_SPACE_AFTER_TWIPS },
    indent: { firstLine: 0 },
    children: inlineRuns(title.content, look),
  })
}

/** A heading: its computed number and heading text in the level's face; a run-in rest in 仿宋. */
function headingParagraph(heading: SectionHeadingJSON, label: string): Paragraph {
  const look = headingLook(heading.attrs.level)
  const { heading: head, body } = splitRunIn(heading.content, heading.attrs.level)
  return new Paragraph({
    ...BODY_PARAGRAPH,
    // A heading on its own line stays with the text below it.
    keepNext: body.length === 0 || undefined,
    children: [textRun(label, look), ...inlineRuns(head, look), ...inlineRuns(body, BODY_LOOK)],
  })
}

function bodyParagraph(content: readonly InlineJSON[] | undefined): Paragraph {
  return new Paragraph({ ...BODY_PARAGRAPH, children: inlineRuns(content, BODY_LOOK) })
}

/** The paragraphs of the whole document, numbers computed from the heading levels. */
export function documentParagraphs(doc: DocJSON): Paragraph[] {
  const blocks = doc.content as (TitleJSON | BlockJSON)[]
  const headings = blocks.filter((b): b is SectionHeadingJSON => b.type === 'sectionHeading')
  const labels = numberLabels(headings.map((h) => clampLevel(h.attrs.level)))
  let headingIndex = 0
  return blocks.map((block) => {
    switch (block.type) {
      case 'title': return titleParagraph(block)
      case 'sectionHeading': return headingParagraph(block, labels[headingIndex++])
      default: return bodyParagraph(block.content)
    }
  })
}
