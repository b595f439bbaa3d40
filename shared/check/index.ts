import type { DocJSON } from '../docJson'
import type { ImportReport } from '../import/importReport'
import { buildCheckContext } from './context'
import { checkRules } from './rules/index'
import { unfilledPlaceholders } from './unfilled'
import type { CheckResult } from './types'

export type { CheckResult, CheckProblem, UnfilledPlaceholder, Severity } from './types'

/**
 * The pre-submission check (CONTRACT.md "Check"): every unfilled placeholder and every
 * structural problem. Ready when no placeholder is open and no problem is an error.
 */
export function preSubmissionCheck(doc: DocJSON, options: { importCorrections?: ImportReport['corrections'] } = {}): CheckResult {
  const context = buildCheckContext(doc, options.importCorrections ?? [])
  const unfilled = unfilledPlaceholders(context)
  const problems = checkRules.flatMap((rule) => rule(context))
  return { ready: unfilled.length === 0 && !problems.some((p) => p.severity === 'error'), unfilled, problems }
}
