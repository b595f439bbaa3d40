import { Extension } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { currentBlock } from './sectionEditing'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    hegaoBodyTables: {
      /**
       * Inserts an empty table of `rows` × `cols` after the block at the caret (in place of an
       * empty paragraph) and puts the caret in its first cell. Not in the title or in a table.
       */
      insertBodyTable: (rows: number, cols: number) => ReturnType
    }
  }
}

/** Tables are whole blocks between paragraphs: a table never splits a heading or a paragraph. */
export const BodyTables = Extension.create({
  name: 'hegaoBodyTables',

  addCommands() {
    return {
      insertBodyTable:
        (rows, cols) =>
        ({ state, tr, dispatch }) => {
          const block = currentBlock(state)
          if (!block || block.node.type.name === 'table' || rows < 1 || cols < 1) return false
          const { table, tableRow, tableCell, paragraph } = state.schema.nodes
          const row = () => tableRow.create(null, Array.from({ length: cols }, () => tableCell.create(null, paragraph.create())))
          const node = table.create(null, Array.from({ length: rows }, row))
          const empty = block.node.type.name === 'paragraph' && block.node.content.size === 0 && !block.node.attrs.kind
          if (dispatch) {
            const at = empty ? block.pos : block.pos + block.node.nodeSize
            if (empty) tr.replaceWith(block.pos, block.pos + block.node.nodeSize, node)
            else tr.insert(at, node)
            // table › row › cell › paragraph: its text starts four positions in.
            tr.setSelection(TextSelection.create(tr.doc, at + 4)).scrollIntoView()
          }
          return true
        },
    }
  },
})
