/**
 * The column widths (twips) of each table of a Word body, in document order: its `<w:tblGrid>`.
 * Only the tables at the top level, as mammoth gives them; a table inside a cell (which the
 * import flattens into that cell's text) is skipped along with its grid.
 */
export function wordTableGrids(documentXml: string): number[][] {
  const grids: number[][] = []
  let depth = 0
  // A tracked change to a grid holds the grid as it was: not this table's columns.
  const body = documentXml.replace(/<w:tblGridChange\b[^]*?<\/w:tblGridChange>/g, '')
  for (const [tag, closing, name, rest] of body.matchAll(/<(\/?)w:(tbl|tblGrid|gridCol)\b([^>]*)>/g)) {
    if (name === 'tbl') {
      if (closing) depth -= 1
      else if (!rest.endsWith('/')) depth += 1
    } else if (depth === 1 && name === 'tblGrid' && !closing) {
      grids.push([])
    } else if (depth === 1 && name === 'gridCol') {
      grids.at(-1)?.push(Number(/w:w="(\d+)"/.exec(tag)?.[1] ?? 0))
    }
  }
  return grids
}
