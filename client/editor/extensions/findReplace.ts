import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import { blockTextMatches, findTextMatches, matchAtOrAfter, type TextMatch } from '../textMatches'
import { documentChange, redecorateTouchedBlocks } from './touchedBlocks'
import { readPendingSelection } from './pendingSelection'

/** DOM event (bubbling from the editor's DOM) asking the page to open its find bar. */
export const OPEN_FIND_EVENT = 'hegao-open-find'
export interface OpenFindDetail { replace: boolean; query: string }

export interface FindState {
  query: string
  matches: TextMatch[]
  /** Index into `matches` of the one the bar is at, -1 without matches. */
  current: number
  /** One decoration per match, kept up to date block by block. */
  matchDecorations: DecorationSet
  /** Those and the current match's, as shown. */
  decorations: DecorationSet
}

export interface FindMeta { query?: string; current?: number }

export const findKey = new PluginKey<FindState>('hegaoFind')

const EMPTY: FindState = { query: '', matches: [], current: -1, matchDecorations: DecorationSet.empty, decorations: DecorationSet.empty }

const matchDecoration = (m: TextMatch) => Decoration.inline(m.from, m.to, { class: 'find-match' })

function withCurrent(doc: PMNode, query: string, matchDecorations: DecorationSet, matches: TextMatch[], current: number): FindState {
  const at = matches[current]
  const decorations = at ? matchDecorations.add(doc, [Decoration.inline(at.from, at.to, { class: 'find-match-current' })]) : matchDecorations
  return { query, matches, current, matchDecorations, decorations }
}

function searched(doc: PMNode, query: string, near: number): FindState {
  const matches = findTextMatches(doc, query)
  return withCurrent(doc, query, DecorationSet.create(doc, matches.map(matchDecoration)), matches, matchAtOrAfter(matches, near))
}

function apply(tr: Transaction, prev: FindState): FindState {
  const meta = tr.getMeta(findKey) as FindMeta | undefined
  if (meta?.query !== undefined) return meta.query ? searched(tr.doc, meta.query, tr.selection.from) : EMPTY
  if (!prev.query) return prev
  if (tr.docChanged) {
    // Everyone's edits move the matches: only the blocks they touched are searched again
    // (a 200-page draft with thousands of matches stays cheap while ten people type),
    // and the bar stays at the match it was at.
    const { query } = prev
    const change = documentChange(tr)
    if (!change) return prev
    const matchDecorations = redecorateTouchedBlocks(prev.matchDecorations, tr, (block, pos) => blockTextMatches(block, pos, query).map(matchDecoration), change)
    const matches = matchDecorations.find().map(({ from, to }) => ({ from, to })).sort((a, b) => a.from - b.from)
    const at = prev.matches[prev.current]
    return withCurrent(tr.doc, query, matchDecorations, matches, matchAtOrAfter(matches, at ? change.mapping.map(at.from, -1) : 0))
  }
  if (meta?.current !== undefined && prev.matches[meta.current]) return withCurrent(tr.doc, prev.query, prev.matchDecorations, prev.matches, meta.current)
  return prev
}

/** The matches of the search and their decorations; a transaction with `setFindMeta` starts or moves a search. */
export function findPlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: { init: () => EMPTY, apply },
    props: { decorations: (state) => findKey.getState(state)?.decorations },
  })
}

/** Starts a search for `query` (empty: stops it) or moves it to match number `current`. */
export const setFindMeta = (tr: Transaction, meta: FindMeta): Transaction => tr.setMeta(findKey, meta)

export const findState = (state: EditorState): FindState => findKey.getState(state) ?? EMPTY

/** Selects a match, so that the editor shows it and Escape leaves the caret there. */
function select(tr: Transaction, match: TextMatch | undefined): Transaction {
  return match ? tr.setSelection(TextSelection.create(tr.doc, match.from, match.to)) : tr
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    hegaoFind: {
      /** Searches the text for `query` (empty: stops searching), starting at the caret. */
      setFindQuery: (query: string) => ReturnType
      /** Moves to the next (`1`) or previous (`-1`) match, wrapping around, and selects it; `0` selects the one it is at. */
      findStep: (step: 1 | 0 | -1) => ReturnType
      /** Replaces the match the bar is at with `replacement`, then goes on to the next one. */
      replaceCurrentMatch: (replacement: string) => ReturnType
      /** Replaces every match with `replacement` in one change (one undo step). */
      replaceAllMatches: (replacement: string) => ReturnType
    }
  }
}

/** 查找替换: the matches of a search, shown in the text and stepped through; replacing is an ordinary edit. */
export const FindReplace = Extension.create({
  name: 'hegaoFind',

  addCommands() {
    return {
      setFindQuery:
        (query) =>
        ({ tr, dispatch }) => {
          if (dispatch) setFindMeta(tr, { query })
          return true
        },
      findStep:
        (step) =>
        ({ state, tr, dispatch }) => {
          const { matches, current } = findState(state)
          if (!matches.length) return false
          const next = (current + step + matches.length) % matches.length
          if (dispatch) setFindMeta(select(tr, matches[next]), { current: next })
          return true
        },
      replaceCurrentMatch:
        (replacement) =>
        ({ state, tr, dispatch, editor }) => {
          const { matches, current, query } = findState(state)
          const match = matches[current]
          if (!match || !editor.isEditable) return false
          if (dispatch) {
            if (replacement) tr.insertText(replacement, match.from, match.to)
            else tr.delete(match.from, match.to)
            // Go on from just after the new text, so that a replacement holding the query is not found again.
            const after = findTextMatches(tr.doc, query)
            const next = after[matchAtOrAfter(after, match.from + replacement.length)]
            if (next) select(tr, next)
            else tr.setSelection(TextSelection.create(tr.doc, match.from + replacement.length))
            setFindMeta(tr, { query })
          }
          return true
        },
      replaceAllMatches:
        (replacement) =>
        ({ state, tr, dispatch, editor }) => {
          const { matches, query } = findState(state)
          if (!matches.length || !editor.isEditable) return false
          if (dispatch) {
            // Last to first, so the positions of the ones before stay valid.
            for (let i = matches.length - 1; i >= 0; i--) {
              if (replacement) tr.insertText(replacement, matches[i].from, matches[i].to)
              else tr.delete(matches[i].from, matches[i].to)
            }
            setFindMeta(tr, { query })
          }
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    const open = (replace: boolean) => () => {
      // The caret a key just moved (Home, then Ctrl-H) is where the search starts.
      readPendingSelection()
      const { state, view } = this.editor
      const { from, to, empty } = state.selection
      // A selection within one line becomes the query, as in every word processor.
      const selected = empty ? '' : state.doc.textBetween(from, to, '\n', '\n')
      const query = selected.includes('\n') ? '' : selected
      view.dom.dispatchEvent(new CustomEvent<OpenFindDetail>(OPEN_FIND_EVENT, { detail: { replace: replace && this.editor.isEditable, query }, bubbles: true }))
      return true
    }
    return { 'Mod-f': open(false), 'Mod-h': open(true) }
  },

  addProseMirrorPlugins() {
    return [findPlugin()]
  },
})
