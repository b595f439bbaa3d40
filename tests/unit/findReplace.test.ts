import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { Fragment, Slice } from '@tiptap/pm/model'
import { hegaoSchema } from '../../shared/schema/index'
import { importText } from '../../shared/import/importText'
import { findPlugin, findState, setFindMeta } from '../../client/editor/extensions/findReplace'
import { findTextMatches } from '../../client/editor/textMatches'
import { sampleText } from './sampleDraft'

const sampleState = () => EditorState.create({ doc: hegaoSchema.nodeFromJSON(importText(sampleText()).doc), plugins: [findPlugin()] })
const search = (state: EditorState, query: string) => state.apply(setFindMeta(state.tr, { query }))
const currentText = (state: EditorState) => {
  const { matches, current } = findState(state)
  return state.doc.textBetween(matches[current].from, matches[current].to)
}

/** A small deterministic generator, so that a failing sequence of edits can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
}

describe('the find bar\'s search while everyone edits (查找)', () => {
  it('starts at the first match at or after the caret and steps to the one asked for', () => {
    let state = sampleState()
    const all = findTextMatches(state.doc, '统计')
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, all[3].from)))
    state = search(state, '统计')
    expect(findState(state).current).toBe(3)
    state = state.apply(setFindMeta(state.tr, { current: 7 }))
    expect(findState(state).current).toBe(7)
    // The current match carries a second decoration, for its own colour.
    expect(findState(state).decorations.find(all[7].from, all[7].to).length).toBe(2)
    expect(findState(search(state, '')).decorations.find().length).toBe(0)
  })

  it('stays at the same match when someone edits before it, and counts what edits add and take away', () => {
    let state = search(sampleState(), '统计')
    state = state.apply(setFindMeta(state.tr, { current: 10 }))
    const before = findState(state)
    const at = before.matches[10]
    // Someone types 统计 into the first block: one more match before the current one.
    state = state.apply(state.tr.insertText('统计', 2))
    expect(findState(state).matches.length).toBe(before.matches.length + 1)
    expect(findState(state).current).toBe(11)
    expect(findState(state).matches[11].from).toBe(at.from + 2)
    expect(currentText(state)).toBe('统计')
    // The current match's text is deleted: the bar goes on to the next one.
    const cur = findState(state).matches[11]
    const next = findState(state).matches[12]
    state = state.apply(state.tr.delete(cur.from, cur.to))
    expect(findState(state).matches.length).toBe(before.matches.length)
    expect(findState(state).matches[findState(state).current].from).toBe(next.from - 2)
  })

  it('stays at its match through a colleague\'s change, which arrives as a replacement of the whole document', () => {
    let state = search(sampleState(), '统计')
    state = state.apply(setFindMeta(state.tr, { current: 10 }))
    const { matches } = findState(state)
    // What @tiptap/y-tiptap does with a remote keystroke: the whole document replaced, the
    // unchanged blocks the same nodes. Here 统计 typed at the start of the opening paragraph.
    const blocks: ReturnType<typeof state.doc.child>[] = []
    state.doc.forEach((block) => blocks.push(block))
    blocks[1] = blocks[1].copy(Fragment.from(state.schema.text('统计')).append(blocks[1].content))
    state = state.apply(state.tr.replace(0, state.doc.content.size, new Slice(Fragment.from(blocks), 0, 0)))
    expect(findState(state).matches).toEqual(findTextMatches(state.doc, '统计'))
    expect(findState(state).current).toBe(11)
    expect(findState(state).matches[11].from).toBe(matches[10].from + 2)
  })

  it('keeps exactly the matches a new search would find, through random edits of every kind', () => {
    const next = random(7)
    let state = search(sampleState(), '工作')
    for (let i = 0; i < 300; i++) {
      const size = state.doc.content.size
      const pos = 1 + Math.floor(next() * (size - 2))
      const $pos = state.doc.resolve(pos)
      const tr = state.tr
      const choice = next()
      if (!$pos.parent.isTextblock) continue
      if (choice < 0.4) tr.insertText(['工', '作', '工作', '字', '工作工作'][Math.floor(next() * 5)], pos)
      else if (choice < 0.7) tr.delete(pos, Math.min(pos + 1 + Math.floor(next() * 4), $pos.end()))
      else if (choice < 0.85 && $pos.parent.type.name !== 'title') tr.split(pos)
      else if ($pos.depth === 1 && $pos.index(0) > 1) tr.join($pos.before())
      state = state.apply(tr)
      expect(findState(state).matches).toEqual(findTextMatches(state.doc, '工作'))
    }
  })
})
