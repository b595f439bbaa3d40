import type { ReactNode } from 'react'
import type { InlineJSON, TableJSON } from '../../shared/docJson'
import { tableCellAlign, tableCellSpan, tableColumnShares, tableHeadRows } from '../../shared/tables'

/** A table of a stored document, read-only (the print view and the version view), its inline content as `Inline` renders it. */
export function DocTable({ table, className, Inline }: { table: TableJSON; className: string; Inline: (props: { content?: readonly InlineJSON[] }) => ReactNode }) {
  const rows = (table.content ?? []).map((row, r) => (
    <tr key={r}>
      {(row.content ?? []).map((cell, c) => {
        const { colspan, rowspan } = tableCellSpan(cell)
        return (
          <td key={c} colSpan={colspan} rowSpan={rowspan} style={{ textAlign: tableCellAlign(cell) }}>
            {(cell.content ?? []).map((paragraph, p) => <p key={p}><Inline content={paragraph.content} /></p>)}
          </td>
        )
      })}
    </tr>
  ))
  // The head in a <thead>: a printed table repeats it on every page, as the .docx does.
  const head = tableHeadRows(table)
  return (
    <table className={className}>
      <colgroup>{tableColumnShares(table).map((share, i) => <col key={i} style={{ width: `${share * 100}%` }} />)}</colgroup>
      <thead>{rows.slice(0, head)}</thead>
      <tbody>{rows.slice(head)}</tbody>
    </table>
  )
}
