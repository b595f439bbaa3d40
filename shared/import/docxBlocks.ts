import { MAX_CELL_SPAN } from '../tables'

/** A table read from a Word file: rows of cells, each cell its paragraphs' text. */
export interface ImportedTable { rows: { paragraphs: string[]; colspan: number; rowspan: number }[][] }

/** The body of a Word file in reading order: lines of text, and tables where they stand. */
export type DocxBlock = { line: string } | { table: ImportedTable }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
    name[0] === '#' ? String.fromCodePoint(Number.parseInt(name.slice(name[1] === 'x' || name[1] === 'X' ? 2 : 1), name[1] === 'x' || name[1] === 'X' ? 16 : 10)) : (ENTITIES[name.toLowerCase()] ?? whole))

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*?)\/?>|([^<]+)/g
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li'])
/** A numbered (or bulleted) paragraph of the file: mammoth writes footnotes and endnotes as list items too. */
const isListItem = (tag: string, attributes: string) => tag === 'li' && !/\bid="(?:footnote|endnote)-/.test(attributes)

const span = (attributes: string, name: string) => Math.min(MAX_CELL_SPAN, Math.max(1, Number(new RegExp(`${name}="(\\d+)"`).exec(attributes)?.[1] ?? 1)))

/**
 * mammoth's HTML of a Word file → its blocks: one line per paragraph (a soft line break starts
 * another), each table with its cells' paragraphs; the n-th list item starts with the n-th of
 * `listLabels` (the number Word shows before it, which mammoth leaves out); `listItems` says how
 * many there were. The HTML is mammoth's own, well formed and
 * plain (p, h1–h6, lists, tables, inline marks, img), so a tokenizer suffices. A table inside a
 * cell gives its text to that cell, line by line: the document model has no nested tables.
 */
export function docxBlocks(html: string, listLabels: readonly string[] = []): { blocks: DocxBlock[]; listItems: number } {
  let listItem = 0
  const blocks: DocxBlock[] = []
  let table: ImportedTable | null = null
  let tableDepth = 0
  let cell: ImportedTable['rows'][number][number] | null = null
  let text: string | null = null

  const endLine = () => {
    if (text === null) return
    for (const line of text.split('\n')) {
      if (cell) cell.paragraphs.push(line)
      else blocks.push({ line })
    }
    text = null
  }

  for (const m of html.matchAll(TOKEN)) {
    const [, closing, rawTag, attributes, chars] = m
    if (chars !== undefined) {
      if (text !== null) text += decode(chars)
      continue
    }
    const tag = rawTag.toLowerCase()
    if (tag === 'br') {
      if (text !== null) text += '\n'
    } else if (tag === 'table') {
      if (closing) {
        if (--tableDepth === 0 && table) {
          blocks.push({ table })
          table = null
        }
      } else if (tableDepth++ === 0) {
        endLine()
        table = { rows: [] }
      }
    } else if (tableDepth === 1 && tag === 'tr' && !closing) {
      table!.rows.push([])
    } else if (tableDepth === 1 && (tag === 'td' || tag === 'th')) {
      if (closing) {
        endLine()
        cell = null
      } else {
        cell = { paragraphs: [], colspan: span(attributes, 'colspan'), rowspan: span(attributes, 'rowspan') }
        table!.rows[table!.rows.length - 1]?.push(cell)
      }
    } else if (PARAGRAPH_TAGS.has(tag)) {
      // A list item holding paragraphs is read through them.
      if (closing) endLine()
      else {
        if (text) endLine()
        text ??= ''
        if (isListItem(tag, attributes)) text += listLabels[listItem++] ?? ''
      }
    }
  }
  endLine()
  return { blocks, listItems: listItem }
}
