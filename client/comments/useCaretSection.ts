import { useEffect, useState } from 'react'
import type { Editor } from '@tiptap/core'
import { sectionAt } from '../editor/sections'

export const QUOTE_LIMIT = 500

export interface CaretSection {
  /** Heading id of the section holding the caret; null in the title and opening. */
  sectionId: string | null
  /** Its computed number path and heading text, e.g. 「二、（一）主要做法」. */
  label: string
  /** The selected text (for quoting), '' when the selection is empty. */
  selectedText: string
}

function read(editor: Editor): CaretSection {
  const { state } = editor
  const { from, to } = state.selection
  const section = sectionAt(state.doc, from)
  const heading = section ? section.node.textContent.split('。')[0] : ''
  const selectedText = from === to ? '' : state.doc.textBetween(from, to, '\n', '□').trim()
  return { sectionId: section?.id ?? null, label: section ? `${section.path.join('')}${heading}` : '', selectedText }
}

const same = (a: CaretSection, b: CaretSection) => a.sectionId === b.sectionId && a.label === b.label && a.selectedText === b.selectedText

/**
 * Which section the caret is in, updated at most once per frame: the comments panel follows the
 * caret without a React render on every keystroke (only when the section or selection changes).
 */
export function useCaretSection(editor: Editor | null): CaretSection {
  const [caret, setCaret] = useState<CaretSection>(() => (editor ? read(editor) : { sectionId: null, label: '', selectedText: '' }))
  useEffect(() => {
    if (!editor) return
    let frame = 0
    const refresh = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        if (editor.isDestroyed) return
        const next = read(editor)
        setCaret((current) => (same(current, next) ? current : next))
      })
    }
    refresh()
    editor.on('transaction', refresh)
    return () => {
      editor.off('transaction', refresh)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [editor])
  return caret
}
