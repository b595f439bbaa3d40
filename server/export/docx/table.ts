import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx'
import type { TableJSON } from '../../../shared/docJson'
import { FONTS, TABLE, TEXT_AREA_MM, mmToTwips } from '../../../shared/layout/gbt9704'
import { tableCellAlign, tableCellColumns, tableCells, tableCellSpan, tableColumnShares, tableHeadRows, type CellAlign } from '../../../shared/tables'
import { inlineRuns, type RunLook } from './runs'

const CELL_LOOK: RunLook = { font: FONTS.body, sizePt: TABLE.fontSizePt }
const RULE = { style: BorderStyle.SINGLE, size: TABLE.ruleEighths, color: '000000' }
const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } satisfies Record<CellAlign, unknown>

/** A table of the body as the .docx sets it (shared/layout/gbt9704.ts TABLE): 4号 仿宋, single rules, across the text area in the columns' shares of it, each cell aligned as set, its head repeated on every page it runs onto. */
export function tableBlock(table: TableJSON): Table {
  const width = mmToTwips(TEXT_AREA_MM.width)
  const columnWidths = tableColumnShares(table).map((share) => Math.round(share * width))
  const cellsOf = tableCells(table)
  const headRows = tableHeadRows(table)
  const startColumns = tableCellColumns(table)
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    margins: { left: TABLE.cellMarginTwips, right: TABLE.cellMarginTwips },
    rows: (table.content ?? []).map((row, r) => new TableRow({
      // The head (指标, 单位, 数值…) is repeated on each page a long table runs onto.
      tableHeader: r < headRows || undefined,
      children: (row.content ?? []).map((cell, c) => {
        const span = tableCellSpan(cell)
        return new TableCell({
          columnSpan: span.colspan > 1 ? span.colspan : undefined,
          rowSpan: span.rowspan > 1 ? span.rowspan : undefined,
          width: { size: sum(columnWidths.slice(startColumns[r][c], startColumns[r][c] + span.colspan)), type: WidthType.DXA },
          children: (cellsOf[r][c].length ? cellsOf[r][c] : [{ type: 'paragraph' as const }]).map((paragraph) => new Paragraph({
            alignment: ALIGNMENT[tableCellAlign(cell)],
            spacing: { line: TABLE.lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            indent: { firstLine: 0 },
            children: inlineRuns(paragraph.content, CELL_LOOK),
          })),
        })
      }),
    })),
  })
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
