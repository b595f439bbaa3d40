import type { Node as PMNode } from '@tiptap/pm/model'
import type { NodeView, ViewMutationRecord } from '@tiptap/pm/view'
import { Table } from '../../../shared/schema/index'
import type { TableJSON } from '../../../shared/docJson'
import { tableColumnShares } from '../../../shared/tables'

/** What `tableColumnShares` reads of a table node: its rows' cells and their attributes, not their text. */
export function tableLayoutJson(node: PMNode): TableJSON {
  const rows: NonNullable<TableJSON['content']> = []
  node.forEach((row) => {
    const cells: { type: 'tableCell'; attrs: Record<string, unknown> }[] = []
    row.forEach((cell) => cells.push({ type: 'tableCell', attrs: cell.attrs }))
    rows.push({ type: 'tableRow', content: cells })
  })
  return { type: 'table', content: rows }
}

/** Sets a table's `<col>`s to the columns' shares of its width. */
export function setColumnShares(colgroup: HTMLElement, shares: readonly number[]): void {
  while (colgroup.children.length > shares.length) colgroup.lastElementChild!.remove()
  while (colgroup.children.length < shares.length) colgroup.append(document.createElement('col'))
  shares.forEach((share, i) => ((colgroup.children[i] as HTMLElement).style.width = `${share * 100}%`))
}

/**
 * A table of the body in the editor: across the text area, its columns in the shares print and
 * the .docx give them (shared/tables.ts). Tiptap's own view sets the columns in pixels and the
 * table as wide as their sum, which would not be the printed table.
 */
class TableSharesView implements NodeView {
  dom: HTMLTableElement
  contentDOM: HTMLTableSectionElement
  private colgroup: HTMLTableColElement
  private shares = ''

  constructor(private node: PMNode) {
    this.dom = document.createElement('table')
    this.dom.className = 'doc-table'
    this.colgroup = this.dom.appendChild(document.createElement('colgroup'))
    this.contentDOM = this.dom.appendChild(document.createElement('tbody'))
    this.render()
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false
    this.node = node
    this.render()
    return true
  }

  /** The column elements are this view's own (and a border drag sets them while it lasts). */
  ignoreMutation(record: ViewMutationRecord): boolean {
    return record.type !== 'selection' && (record.target === this.colgroup || this.colgroup.contains(record.target))
  }

  private render() {
    const shares = tableColumnShares(tableLayoutJson(this.node))
    const key = shares.join(',')
    if (key === this.shares) return
    this.shares = key
    setColumnShares(this.colgroup, shares)
  }
}

/** The schema's table with the view above: the editor's tables are laid out as printed. */
export const TableWithView = Table.extend({
  addNodeView() {
    return ({ node }) => new TableSharesView(node)
  },
})
