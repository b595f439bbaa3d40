import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import { sectionsOf } from '../sections'

/** DOM event (bubbling from the editor's DOM) asking the page to show a section's comments. */
export const OPEN_SECTION_COMMENTS_EVENT = 'hegao-open-section-comments'
export interface OpenSectionCommentsDetail { sectionId: string }

interface MarkerState { counts: ReadonlyMap<string, number>; decorations: DecorationSet }

export const commentMarkersKey = new PluginKey<MarkerState>('hegaoCommentMarkers')

function markerDom(view: EditorView, sectionId: string, count: number): HTMLElement {
  const anchor = document.createElement('div')
  anchor.className = 'comment-marker-anchor'
  anchor.contentEditable = 'false'
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'comment-marker'
  button.setAttribute('data-testid', 'comment-marker')
  button.setAttribute('data-section-id', sectionId)
  button.title = `本节有 ${count} 条未解决的评论，点击查看`
  button.setAttribute('aria-label', `本节评论 ${count} 条`)
  button.textContent = String(count)
  // Keep the caret where it is: a click here only opens the panel.
  button.addEventListener('mousedown', (event) => event.preventDefault())
  button.addEventListener('click', () => {
    view.dom.dispatchEvent(new CustomEvent<OpenSectionCommentsDetail>(OPEN_SECTION_COMMENTS_EVENT, { detail: { sectionId }, bubbles: true }))
  })
  anchor.append(button)
  return anchor
}

function markerDecorations(doc: PMNode, counts: ReadonlyMap<string, number>): DecorationSet {
  if (counts.size === 0) return DecorationSet.empty
  const decorations: Decoration[] = []
  for (const section of sectionsOf(doc)) {
    const count = section.id ? (counts.get(section.id) ?? 0) : 0
    if (!section.id || count === 0) continue
    const id = section.id
    // Between blocks, before the heading: never inside the text an IME may be composing.
    decorations.push(
      Decoration.widget(section.pos, (view) => markerDom(view, id, count), {
        side: -1,
        // Same key → ProseMirror reuses the DOM: unchanged markers are not redrawn.
        key: `comment-marker-${id}-${count}`,
        ignoreSelection: true,
        stopEvent: () => true,
      }),
    )
  }
  return DecorationSet.create(doc, decorations)
}

/** Gives the editor the open-thread count of each section (heading id → count). */
export function setCommentCounts(view: EditorView, counts: ReadonlyMap<string, number>): void {
  view.dispatch(view.state.tr.setMeta(commentMarkersKey, counts).setMeta('addToHistory', false))
}

/**
 * Margin markers with the number of open comment threads next to each section heading.
 * Recomputed only when the counts or the document change.
 */
export const CommentMarkers = Extension.create({
  name: 'hegaoCommentMarkers',
  addProseMirrorPlugins() {
    return [
      new Plugin<MarkerState>({
        key: commentMarkersKey,
        state: {
          init: () => ({ counts: new Map(), decorations: DecorationSet.empty }),
          apply: (tr: Transaction, old, _oldState, newState) => {
            const counts = tr.getMeta(commentMarkersKey) as ReadonlyMap<string, number> | undefined
            if (counts) return { counts, decorations: markerDecorations(newState.doc, counts) }
            if (!tr.docChanged || old.counts.size === 0) return old
            return { counts: old.counts, decorations: markerDecorations(newState.doc, old.counts) }
          },
        },
        props: {
          decorations: (state) => commentMarkersKey.getState(state)?.decorations,
        },
      }),
    ]
  },
})
