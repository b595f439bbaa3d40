/** The ProseMirror JSON of a Hegao document (schema in shared/schema/). */
export interface TextJSON { type: 'text'; text: string; marks?: unknown[] }
export interface PlaceholderAttrs {
  id: string | null
  kind: 'number' | 'text'
  pattern: string
  unit: string
  value: string
}
export interface PlaceholderJSON { type: 'placeholder'; attrs: PlaceholderAttrs }
export type InlineJSON = TextJSON | PlaceholderJSON
export interface TitleJSON { type: 'title'; content?: InlineJSON[] }
/** `kind`: see shared/schema/paragraph.ts (absent or null: body text). */
export interface ParagraphJSON { type: 'paragraph'; attrs?: { kind?: string | null }; content?: InlineJSON[] }
export interface SectionHeadingJSON { type: 'sectionHeading'; attrs: { id: string | null; level: number }; content?: InlineJSON[] }
/** A table cell: body paragraphs (its attributes as a client wrote them: read them through shared/tables.ts). */
export interface TableCellJSON { type: 'tableCell'; attrs?: { colspan?: unknown; rowspan?: unknown; colwidth?: unknown; align?: unknown }; content?: ParagraphJSON[] }
export interface TableRowJSON { type: 'tableRow'; content?: TableCellJSON[] }
export interface TableJSON { type: 'table'; content?: TableRowJSON[] }
export type BlockJSON = ParagraphJSON | SectionHeadingJSON | TableJSON
export interface DocJSON { type: 'doc'; content: [TitleJSON, ...BlockJSON[]] | (TitleJSON | BlockJSON)[] }
