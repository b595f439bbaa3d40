import { validatePlaceholderValue } from '../../placeholderValue'
import { documentLines } from '../context'
import type { CheckProblem, CheckRule } from '../types'

/**
 * A filled placeholder whose value its pattern refuses (13 in a `*月`, letters in a `**次`):
 * the editor refuses it when typed, so it came from elsewhere (another client, an older rule),
 * and the server must not let it through to the final version.
 */
export const invalidValue: CheckRule = (context) => {
  const problems: CheckProblem[] = []
  for (const { run, sectionPath, sectionId } of documentLines(context)) {
    for (const node of run) {
      if (node.type !== 'placeholder' || !node.attrs.value) continue
      const result = validatePlaceholderValue(node.attrs, node.attrs.value)
      if (result.ok) continue
      problems.push({
        rule: 'invalid-value', severity: 'error', sectionPath, sectionId, placeholderId: node.attrs.id,
        message: `待填项“${node.attrs.pattern}${node.attrs.unit}”填的“${node.attrs.value}”不符合要求：${result.message}`,
      })
    }
  }
  return problems
}
