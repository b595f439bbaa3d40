import type { CheckRule } from '../types'
import { inlineText } from '../../sections'

/**
 * A heading with neither body text nor subsections: an error, a section cannot be
 * submitted without content. An empty heading is reported by empty-heading instead.
 * A level-3/4 item written as one complete statement (`（1）开展清洁行动**次，实现全覆盖。`)
 * is its own content, as 公文 list items often are, and is not reported.
 */
function isSelfContainedItem(level: number, text: string): boolean {
  return level >= 3 && /[，；,;]/.test(text) && /。\s*$/.test(text)
}

export const emptySection: CheckRule = ({ scopes }) =>
  scopes.flatMap(({ section, runs, sectionPath, sectionId }) => {
    if (!section || !section.headingText.trim()) return []
    const hasChildren = section.end > section.bodyEnd
    const hasBody = runs.some((run) => inlineText(run).trim().length > 0)
    if (hasChildren || hasBody || isSelfContainedItem(section.level, section.headingText)) return []
    return [{
      rule: 'empty-section', severity: 'error' as const, sectionPath, sectionId,
      message: `“${section.number}${section.headingText}”下没有正文，请补充内容或删除该标题。`,
    }]
  })
