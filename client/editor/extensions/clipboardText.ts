import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { sectionsOf } from '../sections'

const leafText = (leaf: PMNode) => (leaf.type.name === 'placeholder' ? String(leaf.attrs.value || leaf.attrs.pattern) : '')

/**
 * Copied as plain text the way drafts are written (and exported as text): a line a block (a table
 * a line a row, cells apart by tabs), each
 * heading whose start is copied with its computed number, a placeholder as its value or its
 * pattern. A part pasted into Word or a chat keeps its 一、/（一）; pasted back, it is sections again.
 */
export const ClipboardText = Extension.create({
  name: 'hegaoClipboardText',
  // Before Tiptap's own serializer, which drops the numbers and puts a blank line between blocks.
  priority: 1000,

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('hegaoClipboardText'),
        props: {
          clipboardTextSerializer: (_slice, view) => {
            const { doc, selection } = view.state
            const { from, to } = selection
            const labels = new Map(sectionsOf(doc).map((section) => [section.pos, section.label]))
            const lines: string[] = []
            doc.nodesBetween(from, to, (block, pos) => {
              // A table row is one line, its cells apart by tabs, as the text export writes it.
              if (block.type.name === 'tableRow') {
                const cells: string[] = []
                block.forEach((cell, offset) => {
                  const start = Math.max(from, pos + 1 + offset)
                  const end = Math.min(to, pos + 1 + offset + cell.nodeSize)
                  cells.push(start < end ? doc.textBetween(start, end, ' ', leafText) : '')
                })
                lines.push(cells.join('\t'))
                return false
              }
              if (!block.isTextblock) return true
              const start = Math.max(from, pos + 1)
              const number = start === pos + 1 ? (labels.get(pos) ?? '') : ''
              lines.push(number + doc.textBetween(start, Math.min(to, pos + block.nodeSize - 1), '', leafText))
              return false
            })
            return lines.join('\n')
          },
        },
      }),
    ]
  },
})
