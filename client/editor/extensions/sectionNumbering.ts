import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { Mapping, StepMap } from '@tiptap/pm/transform'
import type { Node as PMNode } from '@tiptap/pm/model'
import { sectionsOf } from '../sections'
import { documentChange } from './touchedBlocks'

export const sectionNumberingKey = new PluginKey<DecorationSet>('hegaoSectionNumbering')

/**
 * Shows the computed number of every heading. The number is a node-decoration attribute
 * (`data-number`, drawn by CSS ::before) rather than a widget inside the editable text:
 * an attribute change never touches the text DOM, so an IME composition in a heading
 * survives a renumbering caused by someone else's edit.
 * A run-in heading (text goes on after its first `。`) gets the class `run-in`, and its
 * first sentence an inline decoration styled as the heading; the rest reads as body text.
 */
export function numberingDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = []
  for (const section of sectionsOf(doc)) {
    const text = section.node.textContent
    const stop = text.indexOf('。')
    // Same rule as shared/sections.ts splitRunIn: a level-1 heading is never run in.
    const runIn = section.level > 1 && stop >= 0 && text.slice(stop + 1).trim() !== ''
    decorations.push(
      Decoration.node(section.pos, section.pos + section.node.nodeSize, {
        'data-number': section.label,
        class: runIn ? 'numbered run-in' : 'numbered',
      }),
    )
    if (runIn) {
      // Map the text offset of `。` to a document position (inline atoms count as one).
      let offset = 0
      let end = -1
      section.node.forEach((child, childOffset) => {
        if (end >= 0) return
        const len = child.isText ? child.text!.length : child.textContent.length
        if (child.isText && stop < offset + len) end = section.pos + 1 + childOffset + (stop - offset) + 1
        offset += len
      })
      if (end > section.pos + 1) {
        decorations.push(Decoration.inline(section.pos + 1, end, { class: 'run-in-heading' }, { inclusiveStart: false, inclusiveEnd: false }))
      }
    }
  }
  return DecorationSet.create(doc, decorations)
}

/**
 * The decorations moved from `before` to `doc` when the two differ only in top-level blocks that
 * are not headings (typing in a paragraph, here or remotely): numbers and run-in spans depend on
 * the headings alone. Null when a heading changed, or blocks were added or removed.
 * Compares the blocks themselves: a remote change replaces the whole document in one step, but
 * the binding reuses every unchanged block, so only the changed ones differ.
 */
function mapPastParagraphEdits(old: DecorationSet, before: PMNode, doc: PMNode): DecorationSet | null {
  if (before.childCount !== doc.childCount) return null
  const ranges: number[] = []
  let pos = 0
  for (let i = 0; i < doc.childCount; i++) {
    const was = before.child(i)
    const now = doc.child(i)
    if (was !== now) {
      if (was.type.name === 'sectionHeading' || now.type.name === 'sectionHeading') return null
      ranges.push(pos, was.nodeSize, now.nodeSize)
    }
    pos += was.nodeSize
  }
  return ranges.length ? old.map(new Mapping([new StepMap(ranges)]), doc) : old
}

export const SectionNumbering = Extension.create({
  name: 'hegaoSectionNumbering',
  addProseMirrorPlugins() {
    const editor = this.editor
    const composing = () => Boolean(editor.view && !editor.isDestroyed && editor.view.composing)
    return [
      new Plugin<DecorationSet>({
        key: sectionNumberingKey,
        state: {
          init: (_, state) => numberingDecorations(state.doc),
          // Recomputed when a heading changes; moved along when only paragraphs did (every key).
          // While an IME composes, the decorations are only moved along (a new run-in span around
          // the composed text would make the browser drop the composition) and recomputed at its
          // end. Along what the documents' comparison found changed, not the transaction's steps:
          // a colleague's key comes as a replacement of the whole document, which would take
          // every number off meanwhile.
          apply: (tr, old) => {
            if (tr.getMeta(sectionNumberingKey) === 'refresh') return numberingDecorations(tr.doc)
            if (!tr.docChanged) return old
            if (composing()) {
              const change = documentChange(tr)
              return change ? old.map(change.mapping, tr.doc) : old
            }
            return mapPastParagraphEdits(old, tr.before, tr.doc) ?? numberingDecorations(tr.doc)
          },
        },
        props: {
          decorations: (state) => sectionNumberingKey.getState(state),
          handleDOMEvents: {
            compositionend: (view) => {
              // After ProseMirror has read the composed text: bring the numbers up to date.
              setTimeout(() => {
                if (!editor.isDestroyed && !view.composing) view.dispatch(view.state.tr.setMeta(sectionNumberingKey, 'refresh').setMeta('addToHistory', false))
              }, 0)
              return false
            },
          },
        },
      }),
    ]
  },
})
