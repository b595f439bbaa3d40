import type { ReactNode } from 'react'
import type { InlineJSON, TableJSON } from '../../shared/docJson'

/** A table of a stored document, read-only (the print view and the version view), its inline content as `Inline` renders it. */
export function DocTable({ table, className, Inline }: { table: TableJSON; className: string; Inline: (props: { content?: readonly InlineJSON[] }) => ReactNode }) {
  return (
    <table className={className}>
      <tbody>
        {(table.content ?? []).map((row, r) => (
          <tr key={r}>
            {(row.content ?? []).map((cell, c) => (
              <td key={c} colSpan={cell.attrs?.colspan ?? 1} rowSpan={cell.attrs?.rowspan ?? 1}>
                {(cell.content ?? []).map((paragraph, p) => <p key={p}><Inline content={paragraph.content} /></p>)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
