/** Renders rows as an aligned plain-text table (also valid Markdown). */
export function formatTable(headers: string[], rows: (string | number | boolean | undefined)[][]): string {
  const cells = rows.map((row) => row.map((cell) => formatCell(cell)))
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => (row[i] ?? '').length)))
  const line = (row: string[]) => '| ' + row.map((cell, i) => cell.padEnd(widths[i])).join(' | ') + ' |'
  return [line(headers), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...cells.map(line)].join('\n')
}

function formatCell(cell: string | number | boolean | undefined): string {
  if (cell === undefined) return '–'
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '–'
  return String(cell)
}
