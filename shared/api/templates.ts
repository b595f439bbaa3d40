/** GET /api/templates: a built-in template as the new-document form offers it. */
export interface TemplateInfo {
  id: string
  name: string
  description: string
  /** Its top-level sections, numbered (`一、主要工作及成效`). */
  sections: string[]
}
