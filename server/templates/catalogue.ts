import fs from 'node:fs'
import path from 'node:path'
import type { Db } from '../db/database'
import { getStoredTemplate, listStoredTemplates, storedTemplateNameTaken } from '../db/templates'
import { importText } from '../../shared/import/importText'
import { buildOutline } from '../../shared/outline'
import type { DocJSON } from '../../shared/docJson'
import type { TemplateInfo } from '../../shared/api/templates'

/**
 * The built-in 公文 templates: a structure with the usual sections, the figures still to
 * fill as `*` runs and writing hints 【提示：…】, which the check refuses until replaced.
 * Administrators add the office's own (stored in the database) beside them.
 */
const builtIn: { id: string; name: string; description: string }[] = [
  { id: 'annual-summary', name: '年度工作总结', description: '主要工作及成效、存在的问题和不足、下一步工作打算' },
  { id: 'work-plan', name: '年度工作计划', description: '指导思想、目标任务、主要措施、保障措施' },
  { id: 'situation-report', name: '情况报告', description: '向上级报告一项工作：基本情况、主要做法及成效、存在的问题、下一步打算' },
  { id: 'notice', name: '通知', description: '部署一项工作：工作内容、时间安排、工作要求' },
]

export const isBuiltInTemplate = (id: string) => builtIn.some((entry) => entry.id === id)

const builtInTexts = new Map<string, string>()

/** A built-in template's text; each file is read once. */
function builtInText(id: string): string {
  let text = builtInTexts.get(id)
  if (text === undefined) builtInTexts.set(id, (text = fs.readFileSync(path.join(import.meta.dirname, `${id}.txt`), 'utf8')))
  return text
}

/** A template's top-level sections, numbered (`一、主要工作及成效`). */
export function templateSections(text: string): string[] {
  return buildOutline(importText(text).doc).sections.map((s) => s.number + s.heading)
}

// Templates never change once made (one is deleted or added instead): their sections are kept,
// and a template's text is read and imported only the first time.
const sections = new Map<string, string[]>()
function sectionsOf(id: string, text: () => string): string[] {
  let found = sections.get(id)
  if (!found) sections.set(id, (found = templateSections(text())))
  return found
}

/** The built-in templates, then the office's own, with their top-level sections. */
export function listTemplates(db: Db): TemplateInfo[] {
  return [
    ...builtIn.map((entry) => ({ ...entry, builtIn: true, sections: sectionsOf(entry.id, () => builtInText(entry.id)) })),
    ...listStoredTemplates(db).map(({ id, name, description }) => ({
      id, name, description, builtIn: false, sections: sectionsOf(id, () => getStoredTemplate(db, id)?.text ?? ''),
    })),
  ]
}

export function templateNameTaken(db: Db, name: string): boolean {
  return builtIn.some((entry) => entry.name === name) || storedTemplateNameTaken(db, name)
}

/** A new document's content from template `id` (fresh ids each time), or undefined for an unknown id. */
export function contentFromTemplate(db: Db, id: string): DocJSON | undefined {
  const text = isBuiltInTemplate(id) ? builtInText(id) : getStoredTemplate(db, id)?.text
  return text === undefined ? undefined : importText(text).doc
}
