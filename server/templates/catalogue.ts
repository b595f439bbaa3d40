import fs from 'node:fs'
import path from 'node:path'
import { importText } from '../../shared/import/importText'
import { buildOutline } from '../../shared/outline'
import type { DocJSON } from '../../shared/docJson'
import type { TemplateInfo } from '../../shared/api/templates'

/**
 * The built-in 公文 templates: a structure with the usual sections, the figures still to
 * fill as `*` runs and writing hints 【提示：…】, which the check refuses until replaced.
 */
const catalogue: { id: string; name: string; description: string }[] = [
  { id: 'annual-summary', name: '年度工作总结', description: '主要工作及成效、存在的问题和不足、下一步工作打算' },
  { id: 'work-plan', name: '年度工作计划', description: '指导思想、目标任务、主要措施、保障措施' },
  { id: 'situation-report', name: '情况报告', description: '向上级报告一项工作：基本情况、主要做法及成效、存在的问题、下一步打算' },
  { id: 'notice', name: '通知', description: '部署一项工作：工作内容、时间安排、工作要求' },
]

const texts = new Map<string, string>()

/** A fresh import of the template's text (new ids each time); the file is read once. */
function templateDoc(id: string): DocJSON {
  let text = texts.get(id)
  if (text === undefined) texts.set(id, (text = fs.readFileSync(path.join(import.meta.dirname, `${id}.txt`), 'utf8')))
  return importText(text).doc
}

let listed: TemplateInfo[] | undefined

/** The templates with their top-level sections, for choosing one. */
export function listTemplates(): TemplateInfo[] {
  listed ??= catalogue.map((entry) => ({ ...entry, sections: buildOutline(templateDoc(entry.id)).sections.map((s) => s.number + s.heading) }))
  return listed
}

/** A new document's content from template `id` (fresh ids each time), or undefined for an unknown id. */
export function contentFromTemplate(id: string): DocJSON | undefined {
  return catalogue.some((entry) => entry.id === id) ? templateDoc(id) : undefined
}
