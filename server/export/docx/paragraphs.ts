import { AlignmentType, LineRuleType, Paragraph, type IParagraphOptions, type Table } from 'docx'
import type { BlockJSON, DocJSON, ParagraphJSON, SectionHeadingJSON, TitleJSON } from '../../../shared/docJson'
import { numberLabels } from '../../../shared/numbering'
import { clampLevel } from '../../../shared/schema/sectionHeading'
import {
  CHAR_PITCH_TWIPS, BLANK_LINE_BELOW_BODY_TWIPS, FIRST_LINE_INDENT_TWIPS, FONTS, FONT_SIZE_PT, HEADING_STYLES, LINE_PITCH_TWIPS,
  LETTERHEAD, TITLE_SPACE_AFTER_TWIPS,
} from '../../../shared/layout/gbt9704'
import { closingLayout, type ClosingLayout } from '../../../shared/layout/closing'
import { attachmentLayout, type AttachmentLayout } from '../../../shared/layout/attachments'
import { paragraphKind } from '../../../shared/schema/paragraph'
import { inlineRuns, sanHaoLook, textRun, type RunLook } from './runs'
import { splitRunIn } from '../../../shared/sections'
import { tableBlock } from './table'

const BODY_LOOK = sanHaoLook(FONTS.body)

/** Exact line spacing of one grid line (see shared/layout/gbt9704.ts for the 22-line calculation). */
export const GRID_LINE = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const

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

function titleParagraph(title: TitleJSON, spaceBefore: number): Paragraph {
  const look: RunLook = { font: FONTS.title, sizePt: FONT_SIZE_PT.er }
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...GRID_LINE, before: spaceBefore, after: TITLE_SPACE_AFTER_TWIPS },
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

/** Characters (of the 28 a line holds) in twips. */
const chars = (n: number) => Math.round(n * CHAR_PITCH_TWIPS)

/**
 * Body text; the 主送机关 flush left (§7.3.2 "居左顶格"); the 附件说明 with its names aligned, as
 * `attachment` places it (§7.3.4); the 署名 and 成文日期 to the right, as `closing` places them (§7.3.5.2).
 */
function bodyParagraph(block: ParagraphJSON, closing: ClosingLayout | undefined, attachment: AttachmentLayout | undefined): Paragraph {
  const children = inlineRuns(block.content, BODY_LOOK)
  if (attachment) {
    return new Paragraph({
      ...BODY_PARAGRAPH,
      spacing: { ...GRID_LINE, before: attachment.spaceBefore ? BLANK_LINE_BELOW_BODY_TWIPS : 0 },
      indent: { left: chars(attachment.leftChars), hanging: chars(attachment.hangingChars) },
      children,
    })
  }
  if (closing) {
    return new Paragraph({
      ...BODY_PARAGRAPH,
      alignment: AlignmentType.RIGHT,
      // The signature stays on the page of its date.
      keepNext: paragraphKind(block.attrs?.kind) === 'signature' || undefined,
      spacing: { ...GRID_LINE, before: closing.spaceBefore ? BLANK_LINE_BELOW_BODY_TWIPS : 0 },
      indent: { firstLine: 0, right: chars(closing.rightChars) },
      children,
    })
  }
  if (paragraphKind(block.attrs?.kind) === 'addressee') return new Paragraph({ ...BODY_PARAGRAPH, indent: { firstLine: 0 }, children })
  return new Paragraph({ ...BODY_PARAGRAPH, children })
}

/**
 * The paragraphs (and tables) of the whole document, numbers computed from the heading levels;
 * below a 版头 the title stands two lines under the red line (§7.3.1).
 */
export function documentParagraphs(doc: DocJSON, { belowLetterhead = false }: { belowLetterhead?: boolean } = {}): (Paragraph | Table)[] {
  const blocks = doc.content as (TitleJSON | BlockJSON)[]
  const headings = blocks.filter((b): b is SectionHeadingJSON => b.type === 'sectionHeading')
  const labels = numberLabels(headings.map((h) => clampLevel(h.attrs.level)))
  const closing = closingLayout(blocks)
  const attachments = attachmentLayout(blocks)
  let headingIndex = 0
  return blocks.map((block, i) => {
    switch (block.type) {
      case 'title': return titleParagraph(block, belowLetterhead ? LETTERHEAD.blankLines * LINE_PITCH_TWIPS : 0)
      case 'sectionHeading': return headingParagraph(block, labels[headingIndex++])
      case 'table': return tableBlock(block)
      default: return bodyParagraph(block, closing.get(i), attachments.get(i))
    }
  })
}
