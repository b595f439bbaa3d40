import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { sectionsOf } from '../sections'

const leafText = (leaf: PMNode) => (leaf.type.name === 'placeholder' ? String(leaf.attrs.value || leaf.attrs.pattern) : '')

/**
 * Copied as plain text the way drafts are written (and exported as text): a line a block, each
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
