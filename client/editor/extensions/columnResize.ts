import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, type Transaction } from '@tiptap/pm/state'
import { TableMap } from '@tiptap/pm/tables'
import type { EditorView } from '@tiptap/pm/view'
import { TEXT_AREA_MM } from '../../../shared/layout/gbt9704'
import { tableColumnShares } from '../../../shared/tables'
import { setColumnShares, tableLayoutJson } from './tableView'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    hegaoColumnResize: {
      /** Gives every column of the table at the caret the same width again. */
      evenTableColumns: () => ReturnType
    }
  }
}

/** How near a cell's edge (px) the pointer grabs the border. */
const GRAB_PX = 4
/** The narrowest a column may be dragged: two characters of the table's 4号 (18.7 px each) and the cell's margins. */
const MIN_COLUMN_PX = 56
/** Widths are stored as pixels of the text area at 96 dpi, as other editors read `colwidth`; only their ratios count. */
const TEXT_AREA_PX = Math.round((TEXT_AREA_MM.width * 96) / 25.4)

interface Border {
  table: HTMLTableElement
  /** The column left of the border; the one right of it gives or takes what it gains or loses. */
  column: number
}

/** The inner column border under the pointer, if it is within GRAB_PX of one (the table's outer edges stay where they are). */
function borderAt(view: EditorView, event: MouseEvent): Border | null {
  const cell = (event.target as Element | null)?.closest?.('td')
  const table = cell?.closest('table.doc-table') as HTMLTableElement | null
  if (!cell || !table || !view.dom.contains(table)) return null
  const { left, right } = cell.getBoundingClientRect()
  const side = event.clientX >= right - GRAB_PX ? 'right' : event.clientX <= left + GRAB_PX ? 'left' : null
  if (!side) return null
  const found = cellAt(view, cell)
  if (!found) return null
  const column = side === 'right' ? found.column + found.colspan - 1 : found.column - 1
  return column >= 0 && column < found.map.width - 1 ? { table, column } : null
}

function cellAt(view: EditorView, cell: Element) {
  try {
    const $inside = view.state.doc.resolve(view.posAtDOM(cell, 0))
    for (let depth = $inside.depth; depth > 2; depth--) {
      if ($inside.node(depth).type.name !== 'tableCell') continue
      const map = TableMap.get($inside.node(depth - 2))
      return { map, column: map.colCount($inside.before(depth) - $inside.start(depth - 2)), colspan: $inside.node(depth).attrs.colspan as number }
    }
  } catch {
    // A cell the view is redrawing: no border to grab this time.
  }
  return null
}

/** The table a view's `<table>` shows, with the position its content starts at. */
function tableOf(view: EditorView, table: HTMLTableElement): { node: PMNode; start: number } | null {
  try {
    const start = view.posAtDOM(table.tBodies[0], 0)
    const node = view.state.doc.resolve(start).parent
    return node.type.name === 'table' ? { node, start } : null
  } catch {
    return null
  }
}

/** Sets every cell's `colwidth` to its columns' shares (as pixels of the text area). */
function setShares(tr: Transaction, table: PMNode, start: number, shares: readonly number[]): Transaction {
  const map = TableMap.get(table)
  for (const pos of new Set(map.map)) {
    const cell = table.nodeAt(pos)!
    const column = map.colCount(pos)
    const colwidth = shares.slice(column, column + cell.attrs.colspan).map((share) => Math.round(share * TEXT_AREA_PX))
    tr.setNodeMarkup(start + pos, null, { ...cell.attrs, colwidth })
  }
  return tr
}

/** Follows a border drag: the two columns beside the border share their width anew, the table keeps its width. */
function drag(view: EditorView, border: Border, start: MouseEvent) {
  const found = tableOf(view, border.table)
  if (!found) return
  const before = tableColumnShares(tableLayoutJson(found.node))
  const width = border.table.getBoundingClientRect().width
  const pair = before[border.column] + before[border.column + 1]
  const least = Math.min(MIN_COLUMN_PX / width, pair / 2)
  const colgroup = border.table.querySelector(':scope > colgroup') as HTMLElement
  let shares = before
  const move = (event: MouseEvent) => {
    const left = Math.min(pair - least, Math.max(least, before[border.column] + (event.clientX - start.clientX) / width))
    shares = before.map((share, i) => (i === border.column ? left : i === border.column + 1 ? pair - left : share))
    setColumnShares(colgroup, shares)
  }
  const finish = () => {
    window.removeEventListener('mousemove', move)
    window.removeEventListener('mouseup', finish)
    document.body.classList.remove('column-resizing')
    const now = tableOf(view, border.table)
    if (shares === before || !now || !view.editable) return setColumnShares(colgroup, before)
    view.dispatch(setShares(view.state.tr, now.node, now.start, shares))
  }
  document.body.classList.add('column-resizing')
  window.addEventListener('mousemove', move)
  window.addEventListener('mouseup', finish)
}

/**
 * Dragging the border between two columns of a table moves width from one to the other, as in
 * Word: the table stays across the text area. The result is one change (one Ctrl-Z), stored on
 * every cell of the table, which everyone receives. Only an editable editor offers it.
 */
export const ColumnResize = Extension.create({
  name: 'hegaoColumnResize',
  // Before prosemirror-tables, whose mousedown would start selecting cells.
  priority: 1000,

  addCommands() {
    return {
      evenTableColumns:
        () =>
        ({ state, tr, dispatch }) => {
          const $from = state.selection.$from
          for (let depth = $from.depth; depth > 0; depth--) {
            const table = $from.node(depth)
            if (table.type.name !== 'table') continue
            if (dispatch) {
              const map = TableMap.get(table)
              for (const pos of new Set(map.map)) tr.setNodeMarkup($from.start(depth) + pos, null, { ...table.nodeAt(pos)!.attrs, colwidth: null })
            }
            return true
          }
          return false
        },
    }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          handleDOMEvents: {
            mousemove(view, event) {
              view.dom.classList.toggle('column-resize-cursor', view.editable && borderAt(view, event) !== null)
              return false
            },
            mouseleave(view) {
              view.dom.classList.remove('column-resize-cursor')
              return false
            },
            mousedown(view, event) {
              const border = event.button === 0 && view.editable ? borderAt(view, event) : null
              if (!border) return false
              event.preventDefault()
              drag(view, border, event)
              return true
            },
          },
        },
      }),
    ]
  },
})
