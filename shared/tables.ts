import type { ParagraphJSON, TableCellJSON, TableJSON } from './docJson'

// A table's attributes come from the shared document as any editor wrote them, so everything
// that lays one out reads them through these functions, which accept only what a table can be.

/** The most columns or rows one cell may span; a crafted larger span would make a reader build a grid of that size. */
export const MAX_CELL_SPAN = 100
/** The largest stored column width (relative: only the ratios between a table's columns count). */
const MAX_COLUMN_WIDTH = 100_000

export type CellAlign = 'left' | 'center' | 'right'

/** A table's cells, row by row, each as its paragraphs. */
export function tableCells(table: TableJSON): ParagraphJSON[][][] {
  return (table.content ?? []).map((row) => (row.content ?? []).map((cell) => cell.content ?? []))
}

/** A span as given when it is a whole number from 1 to MAX_CELL_SPAN, else 1. */
export const cellSpanValue = (value: unknown): number => (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_CELL_SPAN ? (value as number) : 1)

/** How many columns and rows a cell covers (1 where the value is not a sensible span). */
export function tableCellSpan(cell: TableCellJSON): { colspan: number; rowspan: number } {
  return { colspan: cellSpanValue(cell.attrs?.colspan), rowspan: cellSpanValue(cell.attrs?.rowspan) }
}

/** How a cell's lines are aligned: as set (居中 for a head or figures, 居右 for amounts), else flush left. Anything else a client wrote reads as left. */
export function tableCellAlign(cell: TableCellJSON): CellAlign {
  const align = cell.attrs?.align
  return align === 'center' || align === 'right' ? align : 'left'
}

/** How many rows make the table's head: its first row, and the rows a merged cell of it reaches down into. */
export function tableHeadRows(table: TableJSON): number {
  return Math.max(1, ...(table.content?.[0]?.content ?? []).map((cell) => tableCellSpan(cell).rowspan))
}

/** The column each cell starts in, row by row: after the cells before it in its row and the columns merged cells of the rows above reach down into. */
export function tableCellColumns(table: TableJSON): number[][] {
  const takenUntil: number[] = [] // per column: the first row a merged cell above leaves it free
  return (table.content ?? []).map((row, r) => {
    let column = 0
    return (row.content ?? []).map((cell) => {
      while ((takenUntil[column] ?? 0) > r) column++
      const { colspan, rowspan } = tableCellSpan(cell)
      const start = column
      for (let i = 0; i < colspan; i++) takenUntil[column++] = r + rowspan
      return start
    })
  })
}

/** How many columns the table has: its widest row. */
export function tableColumnCount(table: TableJSON): number {
  return Math.max(1, ...(table.content ?? []).map((row) => (row.content ?? []).reduce((n, cell) => n + tableCellSpan(cell).colspan, 0)))
}

/**
 * The share of the table's width each column takes, summing to 1. The widths are those its
 * first row's cells hold (`colwidth`, one per column a cell spans; the editor sets them on every
 * cell of a column), read as ratios: the table always spans the text area. A column without a
 * width takes the mean of the others; with none set, the columns are even.
 */
export function tableColumnShares(table: TableJSON): number[] {
  const widths: (number | null)[] = []
  for (const cell of table.content?.[0]?.content ?? []) {
    const { colspan } = tableCellSpan(cell)
    const set = Array.isArray(cell.attrs?.colwidth) ? cell.attrs.colwidth : []
    for (let i = 0; i < colspan; i++) {
      const width = set[i]
      widths.push(typeof width === 'number' && width > 0 && width <= MAX_COLUMN_WIDTH ? width : null)
    }
  }
  const columns = tableColumnCount(table)
  while (widths.length < columns) widths.push(null)
  const known = widths.filter((width): width is number => width !== null)
  const mean = known.length ? known.reduce((sum, width) => sum + width, 0) / known.length : 1
  const filled = widths.slice(0, columns).map((width) => width ?? mean)
  const total = filled.reduce((sum, width) => sum + width, 0)
  return filled.map((width) => width / total)
}
