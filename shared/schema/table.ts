import { Table as TiptapTable, TableCell as TiptapTableCell, TableRow as TiptapTableRow } from '@tiptap/extension-table'
import type { Attribute } from '@tiptap/core'
import type { TableCellJSON } from '../docJson'
import { MAX_CELL_SPAN, cellSpanValue, tableCellAlign } from '../tables'

/**
 * A table in the body (a statistics table, a list of units and figures): rows of cells, each
 * cell one or more body paragraphs, which may hold placeholders. No headings or tables inside a
 * cell: the sections stay flat (shared/schema/document.ts). A cell's lines may be centred or set
 * right (`align`). The columns share the text area as the editors dragged their borders
 * (`colwidth`, read as ratios by shared/tables.ts), evenly until then. No header-cell type.
 */
export const Table = TiptapTable.configure({ resizable: false, HTMLAttributes: { class: 'doc-table' } })

/**
 * A cell's span: a whole number from 1 to MAX_CELL_SPAN, as pasted (clamped) and as built from
 * the shared document (refused otherwise: prosemirror-tables lays out a grid of the table's
 * size, which a crafted span would make huge on every colleague's page).
 */
const spanAttribute = (name: 'colspan' | 'rowspan'): Attribute => ({
  default: 1,
  parseHTML: (element) => cellSpanValue(Number(element.getAttribute(name) ?? 1)),
  validate: (value: unknown) => {
    if (cellSpanValue(value) !== value) throw new RangeError(`${name} must be a whole number from 1 to ${MAX_CELL_SPAN}`)
  },
})

export const TableCell = TiptapTableCell.extend({
  content: 'paragraph+',
  addAttributes() {
    const attributes: Record<string, Attribute> = this.parent?.() ?? {}
    return {
      ...attributes,
      colspan: spanAttribute('colspan'),
      rowspan: spanAttribute('rowspan'),
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
