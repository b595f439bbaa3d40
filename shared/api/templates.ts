/** GET /api/templates: a template as the new-document form offers it. */
export interface TemplateInfo {
  id: string
  name: string
  description: string
  /** Shipped with Hegao (cannot be deleted), or the office's own. */
  builtIn: boolean
  /** Its top-level sections, numbered (`一、主要工作及成效`). */
  sections: string[]
}
