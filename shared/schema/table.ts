import { Table as TiptapTable, TableCell as TiptapTableCell, TableRow as TiptapTableRow } from '@tiptap/extension-table'
import type { Attribute } from '@tiptap/core'
import type { TableCellJSON } from '../docJson'
import { tableCellAlign } from '../sections'

/**
 * A table in the body (a statistics table, a list of units and figures): rows of cells, each
 * cell one or more body paragraphs, which may hold placeholders. No headings or tables inside a
 * cell: the sections stay flat (shared/schema/document.ts). A cell's lines may be centred or set
 * right (`align`). No header-cell type and no column widths: every table is laid out the same
 * way, across the text area with even columns.
 */
export const Table = TiptapTable.configure({ resizable: false, HTMLAttributes: { class: 'doc-table' } })

export const TableCell = TiptapTableCell.extend({
  content: 'paragraph+',
  addAttributes() {
    const attributes: Record<string, Attribute> = this.parent?.() ?? {}
    return {
      ...attributes,
      // Tiptap writes whatever the shared document holds into the cell's style; only the three
      // alignments are drawn, so a crafted value cannot style a colleague's page.
      align: {
        ...attributes.align,
        renderHTML: (attrs: TableCellJSON['attrs']) => {
          const align = tableCellAlign({ type: 'tableCell', attrs })
          return align === 'left' ? {} : { style: `text-align: ${align}` }
        },
      },
    }
  },
  // A header cell pasted from Word or a web page becomes an ordinary cell.
  parseHTML() {
    return [{ tag: 'td' }, { tag: 'th' }]
  },
})

// Tiptap's row also takes header cells, a type this schema does not have.
export const TableRow = TiptapTableRow.extend({ content: 'tableCell+' })
