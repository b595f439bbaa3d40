import type { SectionEntry } from '../../sections'
import type { CheckProblem, CheckRule } from '../types'

const LEVEL_NAMES = ['', '一级', '二级', '三级', '四级']

/**
 * A heading more than one level below the heading it stands under (（1） right under 一、, a
 * （一） before any 一、): GB/T 9704 §7.3.3 numbers the levels in order, 一、（一）1.（1）, and
 * as numbers follow the levels, only the drafter can put it right. An error, like the other
 * structure left to the drafter (empty-section, empty-heading); numbering-gap is a warning only
 * because the import has corrected it already. Sibling headings that skip alike are one problem,
 * at the first of them.
 */
export const levelSkip: CheckRule = ({ sections }) => {
  const groups = new Map<string, SectionEntry[]>()
  for (const section of sections) {
    if (section.level <= levelAbove(section, sections) + 1) continue
    const key = `${section.parent}/${section.level}`
    groups.set(key, [...(groups.get(key) ?? []), section])
  }
  return [...groups.values()].map((group) => skipProblem(group, sections))
}

/** The level of the heading a section stands under; 0 for a top-level section. */
function levelAbove(section: SectionEntry, sections: SectionEntry[]): number {
  return section.parent >= 0 ? sections[section.parent].level : 0
}

function skipProblem(group: SectionEntry[], sections: SectionEntry[]): CheckProblem {
  const [first] = group
  const last = group[group.length - 1]
  const above = levelAbove(first, sections)
  const numbers = group.length === 1 ? `“${first.number}”` : `“${first.number}”至“${last.number}”`
  const missing = LEVEL_NAMES.slice(above + 1, first.level).join('、')
  const where = above > 0 ? `直接位于${LEVEL_NAMES[above]}标题“${sections[first.parent].number}”之下，缺少${missing}标题` : `但前面没有${missing}标题`
  return {
    rule: 'level-skip', severity: 'error', sectionPath: first.path, sectionId: first.id,
    message: `标题层级跳跃：${numbers}是${LEVEL_NAMES[first.level]}标题，${where}。请补上中间层级的标题，或调整其级别（在标题中按 Shift-Tab 升级）。`,
  }
}
