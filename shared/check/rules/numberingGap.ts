import type { CheckRule } from '../types'

/**
 * Numbering the importer corrected (二、 followed by 四、). Severity warning: the numbers
 * are computed, so nothing in the text is wrong any more and submission need not wait;
 * but a skipped number often means a section was lost, so the drafter must look.
 * A correction whose heading has since been deleted is no longer reported.
 */
export const numberingGap: CheckRule = ({ importCorrections, sections }) => {
  const byId = new Map(sections.map((s) => [s.id, s]))
  return importCorrections.flatMap((correction) => {
    if (correction.kind !== 'numbering') return []
    const section = correction.sectionId ? byId.get(correction.sectionId) : undefined
    if (correction.sectionId && !section) return []
    return [{
      rule: 'numbering-gap',
      severity: 'warning' as const,
      message: `原稿编号“${correction.from}”不连续，导入时已自动改为“${correction.to}”，请核对是否漏写或多写了章节。`,
      sectionPath: section?.path ?? [],
      sectionId: section?.id ?? null,
    }]
  })
}
