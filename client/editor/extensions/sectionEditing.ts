import { Extension, type Editor } from '@tiptap/core'
import { NodeSelection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { newId } from '../../../shared/ids'
import { MAX_SECTION_LEVEL } from '../../../shared/schema/sectionHeading'
import type { ParagraphKind } from '../../../shared/schema/paragraph'
import { findSectionById, sectionAt, sectionsOf, unfilledPositions, type SectionInfo } from '../sections'
import { OPEN_PLACEHOLDER_EVENT } from './placeholderView'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    hegaoSections: {
      /** Inserts a new heading of `level` (fresh id) after the current section. */
      insertSection: (level: number) => ReturnType
      /** Changes the level of the heading at the cursor by `delta` (demote +1, promote -1). */
      shiftHeadingLevel: (delta: number) => ReturnType
      /** Makes the block at the cursor a heading of `level`, or a paragraph for 0. */
      setBlockLevel: (level: number) => ReturnType
      /** Makes the block at the cursor a paragraph of `kind` (主送机关, 署名, 成文日期). */
      setParagraphKind: (kind: ParagraphKind) => ReturnType
      /** Moves the section at the cursor (or with `sectionId`) before the previous / after the next sibling. */
      moveSection: (direction: 'up' | 'down', sectionId?: string) => ReturnType
      /** Selects the next (or previous) unfilled placeholder, wrapping around. */
      goToNextUnfilled: () => ReturnType
      goToPreviousUnfilled: () => ReturnType
      /** Puts the caret at the start of a section's heading and scrolls to it. */
      focusSection: (sectionId: string) => ReturnType
    }
  }
}

/** The top-level block containing the selection head (depth 1), if any. */
export function currentBlock(state: EditorState) {
  const $head = state.selection.$head
  if ($head.depth < 1) {
    const node = state.selection instanceof NodeSelection ? state.selection.node : null
    return node && node.isBlock ? { node, pos: state.selection.from } : null
  }
  return { node: $head.node(1), pos: $head.before(1) }
}

/** The sibling section before/after `section`, or null when it is the first/last under its parent. */
function siblingOf(sections: SectionInfo[], section: SectionInfo, direction: 'up' | 'down'): SectionInfo | null {
  const i = sections.findIndex((s) => s.pos === section.pos)
  if (direction === 'up') {
    for (let j = i - 1; j >= 0; j--) {
      if (sections[j].level < section.level) return null
      if (sections[j].level === section.level) return sections[j]
    }
    return null
  }
  const next = sections.find((s) => s.pos === section.end)
  return next && next.level === section.level ? next : null
}

function moveSectionTr(state: EditorState, tr: Transaction, section: SectionInfo, direction: 'up' | 'down'): boolean {
  const sibling = siblingOf(sectionsOf(state.doc), section, direction)
  if (!sibling) return false
  const offsetInSection = Math.max(0, state.selection.from - section.pos)
  const slice = state.doc.slice(section.pos, section.end)
  if (direction === 'up') {
    tr.delete(section.pos, section.end)
    tr.insert(sibling.pos, slice.content)
    tr.setSelection(TextSelection.near(tr.doc.resolve(sibling.pos + Math.min(offsetInSection, slice.size - 1))))
  } else {
    // Insert after the sibling first, then delete the original (positions before it are unchanged).
    tr.insert(sibling.end, slice.content)
    tr.delete(section.pos, section.end)
    const newStart = sibling.end - slice.size
    tr.setSelection(TextSelection.near(tr.doc.resolve(newStart + Math.min(offsetInSection, slice.size - 1))))
  }
  tr.scrollIntoView()
  return true
}

/** Selects the placeholder at `pos`, scrolls to it and (optionally) opens its input. */
export function selectPlaceholder(editor: Editor, pos: number, open: boolean): void {
  const { view } = editor
  view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)).scrollIntoView())
  const dom = view.nodeDOM(pos)
  if (dom instanceof HTMLElement) {
    dom.scrollIntoView({ block: 'center' })
    if (open) dom.dispatchEvent(new CustomEvent(OPEN_PLACEHOLDER_EVENT, { detail: {} }))
    else view.focus()
  }
}

function goToUnfilled(state: EditorState, tr: Transaction, dispatch: unknown, view: EditorView, direction: 1 | -1): boolean {
  const positions = unfilledPositions(state.doc)
  if (!positions.length) return false
  const { from } = state.selection
  const target =
    direction === 1
      ? positions.find((p) => p > from) ?? positions[0]
      : [...positions].reverse().find((p) => p < from) ?? positions[positions.length - 1]
  if (dispatch) {
    // Set the selection on the command's own transaction (a separate dispatch would be undone by it).
    tr.setSelection(NodeSelection.create(tr.doc, target)).scrollIntoView()
    view.focus()
    requestAnimationFrame(() => {
      const dom = view.nodeDOM(target)
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' })
    })
  }
  return true
}

/**
 * Outline-view editing of the flat section structure (like Word's outline view):
 * levels are attributes, so promote/demote is one attribute change that merges cleanly.
 */
export const SectionEditing = Extension.create({
  name: 'hegaoSectionEditing',

  addCommands() {
    return {
      insertSection:
        (level) =>
        ({ state, tr, dispatch }) => {
          const lvl = Math.min(MAX_SECTION_LEVEL, Math.max(1, level))
          const current = sectionAt(state.doc, state.selection.from)
          let at = state.doc.content.size
          if (current) {
            // End of the enclosing section at the new level: a deeper heading goes after the
            // current section's children, a same/higher one after the whole section.
            const next = sectionsOf(state.doc).find((s) => s.pos > current.pos && s.level <= Math.min(lvl, current.level))
            at = next ? next.pos : state.doc.content.size
          } else {
            const block = currentBlock(state)
            if (block) at = block.pos + block.node.nodeSize
          }
          const heading = state.schema.nodes.sectionHeading.create({ id: newId(), level: lvl })
          if (dispatch) {
            tr.insert(at, heading)
            tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView()
          }
          return true
        },

      shiftHeadingLevel:
        (delta) =>
        ({ state, tr, dispatch }) => {
          const block = currentBlock(state)
          if (!block || block.node.type.name !== 'sectionHeading') return false
          const level = Math.min(MAX_SECTION_LEVEL, Math.max(1, Number(block.node.attrs.level) + delta))
          if (level === block.node.attrs.level) return true
          if (dispatch) tr.setNodeMarkup(block.pos, undefined, { ...block.node.attrs, level })
          return true
        },

      setBlockLevel:
        (level) =>
        ({ state, tr, dispatch }) => {
          const block = currentBlock(state)
          if (!block || block.node.type.name === 'title' || block.node.type.name === 'table') return false
          const { schema } = state
          if (dispatch) {
            if (level === 0) tr.setNodeMarkup(block.pos, schema.nodes.paragraph)
            else {
              const id = block.node.type.name === 'sectionHeading' ? block.node.attrs.id : newId()
              tr.setNodeMarkup(block.pos, schema.nodes.sectionHeading, { id, level: Math.min(MAX_SECTION_LEVEL, Math.max(1, level)) })
            }
          }
          return true
        },

      setParagraphKind:
        (kind) =>
        ({ state, tr, dispatch }) => {
          const block = currentBlock(state)
          if (!block || block.node.type.name === 'title' || block.node.type.name === 'table') return false
          if (dispatch) tr.setNodeMarkup(block.pos, state.schema.nodes.paragraph, { kind })
          return true
        },

      moveSection:
        (direction, sectionId) =>
        ({ state, tr, dispatch }) => {
          const section = sectionId ? findSectionById(state.doc, sectionId) : sectionAt(state.doc, state.selection.from)
          if (!section) return false
          if (!dispatch) return siblingOf(sectionsOf(state.doc), section, direction) !== null
          return moveSectionTr(state, tr, section, direction)
        },

      goToNextUnfilled: () => ({ state, tr, dispatch, view }) => goToUnfilled(state, tr, dispatch, view, 1),
      goToPreviousUnfilled: () => ({ state, tr, dispatch, view }) => goToUnfilled(state, tr, dispatch, view, -1),

      focusSection:
        (sectionId) =>
        ({ state, tr, dispatch, view }) => {
          const section = findSectionById(state.doc, sectionId)
          if (!section) return false
          if (dispatch) {
            // A caret, not the heading selected: the next key would replace the whole heading
            // (with a run-in one, the paragraph).
            tr.setSelection(TextSelection.create(tr.doc, section.pos + 1)).scrollIntoView()
            const dom = view.nodeDOM(section.pos)
            if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' })
            view.focus()
          }
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    const inHeading = () => currentBlock(this.editor.state)?.node.type.name === 'sectionHeading'
    const shortcuts: Record<string, () => boolean> = {
      Tab: () => (inHeading() ? this.editor.commands.shiftHeadingLevel(1) : false),
      'Shift-Tab': () => (inHeading() ? this.editor.commands.shiftHeadingLevel(-1) : false),
      Enter: () => {
        const { state } = this.editor
        const { $head, empty } = state.selection
        if (!empty || !inHeading() || $head.parentOffset !== $head.parent.content.size) return false
        // Enter at the end of a heading starts the section's body.
        const after = $head.after(1)
        return this.editor
          .chain()
          .command(({ tr }) => {
            tr.insert(after, state.schema.nodes.paragraph.create())
            tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView()
            return true
          })
          .run()
      },
      Backspace: () => {
        const { $head, empty } = this.editor.state.selection
        if (!empty || !inHeading() || $head.parent.content.size !== 0) return false
        return this.editor.commands.setBlockLevel(0)
      },
      'Alt-Shift-ArrowUp': () => this.editor.commands.moveSection('up'),
      'Alt-Shift-ArrowDown': () => this.editor.commands.moveSection('down'),
      F8: () => this.editor.commands.goToNextUnfilled(),
      'Shift-F8': () => this.editor.commands.goToPreviousUnfilled(),
    }
    for (let level = 0; level <= MAX_SECTION_LEVEL; level++) {
      shortcuts[`Mod-Alt-${level}`] = () => this.editor.commands.setBlockLevel(level)
    }
    return shortcuts
  },
})

