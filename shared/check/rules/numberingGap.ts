import type { ImportCorrection } from '../../import/importReport'
import type { SectionEntry } from '../../sections'
import type { CheckProblem, CheckRule } from '../types'
import { parseHeadingLine } from '../../import/headingLine'

/** How far a correction moved a number (（五）→（四）: 1); one slip shifts a run by the same amount. */
function shift(correction: ImportCorrection): number {
  const from = parseHeadingLine(`${correction.from}x`)?.n
  const to = parseHeadingLine(`${correction.to}x`)?.n
  return from !== undefined && to !== undefined ? from - to : NaN
}

/**
 * Numbering the importer corrected (二、 followed by 四、). Severity warning: the numbers
 * are computed, so nothing in the text is wrong any more and submission need not wait;
 * but a skipped number often means a section was lost, so the drafter must look.
 * Consecutive sibling headings shifted by one slip (（五）…（八） → （四）…（七）) are one
 * problem, pointing at the first of them. A correction whose heading was deleted is dropped.
 */
export const numberingGap: CheckRule = ({ importCorrections, sections }) => {
  const byId = new Map(sections.map((s) => [s.id, s]))
  const groups: { section: SectionEntry | undefined; corrections: ImportCorrection[] }[] = []
  let last: SectionEntry | undefined
  for (const correction of importCorrections) {
    if (correction.kind !== 'numbering') continue
    const section = correction.sectionId ? byId.get(correction.sectionId) : undefined
    if (correction.sectionId && !section) continue
    const group = groups[groups.length - 1]
    const nextSibling = section && last && last.end === section.blockIndex && last.level === section.level && last.parent === section.parent
    if (group && nextSibling && shift(group.corrections[0]) === shift(correction)) group.corrections.push(correction)
    else groups.push({ section, corrections: [correction] })
    last = section
  }
  return groups.map(({ section, corrections }): CheckProblem => {
    const first = corrections[0]
    const final = corrections[corrections.length - 1]
    const message = corrections.length === 1
      ? `原稿编号“${first.from}”不连续，导入时已自动改为“${first.to}”，请核对是否漏写或多写了章节。`
      : `原稿编号“${first.from}”至“${final.from}”不连续，导入时已自动顺延为“${first.to}”至“${final.to}”，请核对是否漏写或多写了章节。`
    return { rule: 'numbering-gap', severity: 'warning', message, sectionPath: section?.path ?? [], sectionId: section?.id ?? null }
  })
}
