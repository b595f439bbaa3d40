// Human-readable output of the CLI (the --json forms print the CONTRACT.md structures as they are).

interface OutlineSection {
  number: string
  heading: string
  placeholders: number
  children: OutlineSection[]
}
interface OutlineLike {
  title: string
  sections: OutlineSection[]
  placeholders: number
  unfilled: number
}
interface ReportLike {
  summary?: string
  corrections?: { message: string }[]
  warnings?: string[]
}
interface CheckLike {
  ready: boolean
  unfilled: { pattern: string; unit?: string; sectionPath: string[]; context?: string }[]
  problems: { severity: string; message: string; sectionPath?: string[] }[]
}

export function formatOutline(outline: OutlineLike): string {
  const lines = [`标题：${outline.title}`, `占位符：共 ${outline.placeholders} 个，未填 ${outline.unfilled} 个`, '']
  const walk = (sections: OutlineSection[], depth: number) => {
    for (const section of sections) {
      const count = section.placeholders > 0 ? `  [占位符 ${section.placeholders}]` : ''
      lines.push(`${'  '.repeat(depth)}${section.number}${section.heading}${count}`)
      walk(section.children, depth + 1)
    }
  }
  walk(outline.sections, 0)
  return lines.join('\n')
}

export function formatReport(report: ReportLike): string {
  const lines = ['导入报告：']
  if (report.summary) lines.push(`  ${report.summary}`)
  for (const correction of report.corrections ?? []) lines.push(`  更正：${correction.message}`)
  for (const warning of report.warnings ?? []) lines.push(`  提示：${warning}`)
  return lines.join('\n')
}

export function formatCheck(result: CheckLike): string {
  const lines = [result.ready ? '检查通过，可以提交。' : '检查未通过，尚不能提交。']
  if (result.unfilled.length > 0) {
    lines.push('', `未填写的占位符（${result.unfilled.length}）：`)
    for (const item of result.unfilled) {
      lines.push(`  ${item.sectionPath.join('')} ${item.pattern}${item.unit ?? ''}${item.context ? `  「${item.context}」` : ''}`)
    }
  }
  if (result.problems.length > 0) {
    lines.push('', `问题（${result.problems.length}）：`)
    for (const problem of result.problems) {
      const level = problem.severity === 'error' ? '错误' : '提醒'
      lines.push(`  [${level}] ${(problem.sectionPath ?? []).join('')} ${problem.message}`)
    }
  }
  return lines.join('\n')
}
