import { Extension, InputRule } from '@tiptap/core'
import { Fragment, Slice, type Node as PMNode, type Schema } from '@tiptap/pm/model'
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state'
import { newId } from '../../../shared/ids'
import { STAR_RUN_SOURCE, classifyPlaceholder, inlineWithPlaceholders } from '../../../shared/placeholders'
import { importText } from '../../../shared/import/importText'
import { OPEN_PLACEHOLDER_EVENT } from './placeholderView'

/** A line that starts with a 公文 heading number: 一、 （一） 1. （1）. */
const HEADING_LINE = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[（(]\d+[）)])/m

/** Inline content for one line of text: each `*` run becomes a placeholder (as the importer does). */
function inlineNodes(schema: Schema, text: string): PMNode[] {
  return inlineWithPlaceholders(text).map((json) => schema.nodeFromJSON(json))
}

/** Blocks of a pasted multi-line draft, imported like a file (numbers recognised, `*` runs as placeholders). */
function importedBlocks(schema: Schema, text: string): PMNode[] {
  // The importer takes the first line as the document title: give it one to take.
  const { doc } = importText(`粘贴内容\n${text}`)
  const blocks = (doc.content as { type: string }[]).slice(1)
  return blocks.map((json) => {
    const node = schema.nodeFromJSON(json)
    // Fresh ids: the same draft pasted twice must not share section or placeholder ids.
    return node.type.name === 'sectionHeading' ? node.type.create({ ...node.attrs, id: newId() }, withFreshPlaceholderIds(schema, node.content)) : node.type.create(node.attrs, withFreshPlaceholderIds(schema, node.content))
  })
}

function withFreshPlaceholderIds(schema: Schema, content: Fragment): Fragment {
  const nodes: PMNode[] = []
  content.forEach((child) => nodes.push(child.type === schema.nodes.placeholder ? child.type.create({ ...child.attrs, id: newId() }) : child))
  return Fragment.from(nodes)
}

/**
 * Creating and opening placeholders while typing: a `*` run followed by a unit becomes a
 * placeholder; a selected placeholder opens its input on Enter or a typed character;
 * pasted text with `*` runs or a whole numbered draft is converted.
 */
export const PlaceholderEditing = Extension.create({
  name: 'hegaoPlaceholderEditing',
  // Before the core keymap: Enter on a selected placeholder opens it instead of splitting the block over it.
  priority: 1000,

  addInputRules() {
    return [
      new InputRule({
        // `**` then one more character that is not a star, dot or space: that character is the unit.
        find: new RegExp(`(${STAR_RUN_SOURCE})([^*＊.．\\s])$`),
        handler: ({ state, range, match }) => {
          const [, pattern, unit] = match
          const before = state.doc.textBetween(Math.max(range.from - 4, state.selection.$from.start()), range.from)
          const guess = classifyPlaceholder(pattern, unit, before)
          const node = state.schema.nodes.placeholder.create({ id: newId(), kind: guess.kind, pattern, unit: guess.unit, value: '' })
          state.tr.replaceWith(range.from, range.to, [node, state.schema.text(unit)])
        },
      }),
    ]
  },

  addProseMirrorPlugins() {
    const editor = this.editor
    return [
      new Plugin({
        key: new PluginKey('hegaoPlaceholderEditing'),
        props: {
          handleKeyDown(view, event) {
            const sel = view.state.selection
            if (!(sel instanceof NodeSelection) || sel.node.type.name !== 'placeholder' || !editor.isEditable) return false
            if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false
            const typed = event.key.length === 1 && event.key !== ' ' ? event.key : undefined
            if (event.key !== 'Enter' && typed === undefined) return false
            const dom = view.nodeDOM(sel.from)
            if (!(dom instanceof HTMLElement)) return false
            event.preventDefault()
            dom.dispatchEvent(new CustomEvent(OPEN_PLACEHOLDER_EVENT, { detail: { initial: typed } }))
            return true
          },
          handlePaste(view, event) {
            const text = event.clipboardData?.getData('text/plain')
            if (!text || view.state.selection.$from.parent.type.name === 'title') return false
            const lines = text.split(/\r?\n/).filter((l) => l.trim())
            const { schema } = view.state
            // In a table cell a pasted draft is cell text: a cell holds no headings.
            const inTable = view.state.selection.$from.node(1)?.type.name === 'table'
            if (lines.length > 1 && HEADING_LINE.test(text) && !inTable) {
              const blocks = importedBlocks(schema, text)
              if (!blocks.length) return false
              view.dispatch(view.state.tr.replaceSelection(new Slice(Fragment.from(blocks), 0, 0)).scrollIntoView())
              return true
            }
            if (lines.length === 1 && /\*/.test(text)) {
              const inline = inlineNodes(schema, lines[0].trim())
              view.dispatch(view.state.tr.replaceSelection(new Slice(Fragment.from(inline), 0, 0)).scrollIntoView())
              return true
            }
            return false
          },
        },
      }),
    ]
  },
})
