import type { CheckRule } from '../types'

/** A heading line with no text after its number: an error (the outline would show a bare number). */
export const emptyHeading: CheckRule = ({ sections }) =>
  sections.flatMap((section) =>
    section.headingText.trim()
      ? []
      : [{
          rule: 'empty-heading', severity: 'error' as const, sectionPath: section.path, sectionId: section.id,
          message: `标题“${section.number}”没有文字，请填写标题或删除该行。`,
        }])
