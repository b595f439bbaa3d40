import { useEffect, useRef, useState } from 'react'
import { useEditorState, type Editor } from '@tiptap/react'
import { OPEN_FIND_EVENT, findState, type OpenFindDetail } from './extensions/findReplace'
import { MAX_TEXT_MATCHES } from './textMatches'

/** Brings the match the bar is at into view (the editor's own scrolling needs its focus). */
function scrollToCurrent(editor: Editor) {
  editor.view.dom.querySelector('.find-match-current')?.scrollIntoView({ block: 'nearest' })
}

/**
 * 查找替换 above the page: Ctrl-F (查找) and Ctrl-H (替换) in the editor, or the button. Enter
 * goes to the next match, Shift-Enter to the previous one, Escape closes the bar and leaves the
 * caret at the match. Replacing is an ordinary edit that everyone receives; only those who may
 * edit get the replace field.
 */
export function FindBar({ editor, editable }: { editor: Editor; editable: boolean }) {
  const [open, setOpen] = useState(false)
  const [showReplace, setShowReplace] = useState(false)
  const [query, setQuery] = useState('')
  const [replacement, setReplacement] = useState('')
  const [replaced, setReplaced] = useState<number | null>(null)
  // Which field to focus once React has rendered the bar; a new object each time it is asked.
  const [focusRequest, setFocusRequest] = useState<{ field: 'query' | 'replace'; select?: boolean } | null>(null)
  const composing = useRef(false)
  const queryInput = useRef<HTMLInputElement>(null)
  const replaceInput = useRef<HTMLInputElement>(null)
  const found = useEditorState({
    editor,
    selector: ({ editor }) => {
      const { query, matches, current } = findState(editor.state)
      return { query, count: matches.length, current }
    },
    equalityFn: (a, b) => a.query === b?.query && a.count === b.count && a.current === b.current,
  })

  function search(value: string) {
    setReplaced(null)
    editor.commands.setFindQuery(value)
    scrollToCurrent(editor)
  }

  function openBar(replace: boolean, initial: string) {
    setOpen(true)
    setShowReplace(replace && editable)
    const value = initial || query
    setQuery(value)
    search(value)
    setFocusRequest({ field: replace && editable && initial ? 'replace' : 'query', select: true })
  }

  useEffect(() => {
    if (!focusRequest) return
    const input = focusRequest.field === 'replace' ? replaceInput.current : queryInput.current
    input?.focus()
    if (focusRequest.select) input?.select()
  }, [focusRequest])

  function close() {
    setOpen(false)
    setReplaced(null)
    // The caret goes to the match the bar was at, as in every word processor.
    editor.commands.findStep(0)
    editor.chain().setFindQuery('').focus(null, { scrollIntoView: false }).run()
  }

  useEffect(() => {
    const dom = editor.view.dom
    const listener = (event: Event) => {
      const { replace, query } = (event as CustomEvent<OpenFindDetail>).detail
      openBar(replace, query)
    }
    dom.addEventListener(OPEN_FIND_EVENT, listener)
    return () => dom.removeEventListener(OPEN_FIND_EVENT, listener)
  })

  // A lock (or a role taken away) while the bar is open takes the replace field with it.
  useEffect(() => {
    if (!editable) setShowReplace(false)
  }, [editable])

  function step(direction: 1 | -1) {
    editor.commands.findStep(direction)
    scrollToCurrent(editor)
  }

  // After replacing, the buttons may be disabled (nothing left to replace), which would drop
  // the focus out of the bar: it goes back to the replace field, where Enter and Escape work.
  // Replacing a word by itself would change nothing and still report every match as replaced.
  const unchanged = replacement === query

  function replaceOne() {
    if (unchanged) return
    editor.commands.replaceCurrentMatch(replacement)
    scrollToCurrent(editor)
    setFocusRequest({ field: 'replace' })
  }

  function replaceAll() {
    if (unchanged) return
    const count = found.count
    if (editor.commands.replaceAllMatches(replacement)) setReplaced(count)
    setFocusRequest({ field: 'replace' })
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>, enter: () => void) {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault()
      if (event.shiftKey && event.currentTarget === queryInput.current) step(-1)
      else enter()
    } else if ((event.ctrlKey || event.metaKey) && (event.key === 'f' || event.key === 'h')) {
      // The bar is already open: Ctrl-F / Ctrl-H go to its fields, not to the browser's search.
      event.preventDefault()
      if (event.key === 'h' && editable) setShowReplace(true)
      setFocusRequest({ field: event.key === 'h' && editable ? 'replace' : 'query', select: true })
    }
  }

  if (!open) {
    return (
      <button type="button" className="button toolbar-button" onClick={() => openBar(editable, '')} data-testid="find-open" title={editable ? '查找替换（Ctrl+F / Ctrl+H）' : '查找（Ctrl+F）'}>
        {editable ? '查找替换' : '查找'}
      </button>
    )
  }

  // What was searched: while an IME composes, the field holds pinyin that is not searched yet.
  const status = !found.query
    ? ''
    : found.count === 0
      ? '无匹配'
      : `${found.current + 1} / ${found.count >= MAX_TEXT_MATCHES ? `${MAX_TEXT_MATCHES}+` : found.count}`

  return (
    <div
      className="find-bar"
      role="search"
      aria-label="查找替换"
      data-testid="find-bar"
      // Escape from anywhere in the bar, its buttons too.
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.preventDefault()
        close()
      }}
    >
      <div className="find-row">
        <input
          ref={queryInput}
          className="find-input"
          value={query}
          placeholder="查找"
          aria-label="查找内容"
          maxLength={200}
          data-testid="find-query"
          onChange={(e) => {
            setQuery(e.target.value)
            if (!composing.current) search(e.target.value)
          }}
          onCompositionStart={() => (composing.current = true)}
          onCompositionEnd={(e) => {
            composing.current = false
            search(e.currentTarget.value)
          }}
          onKeyDown={(e) => onKeyDown(e, () => step(1))}
        />
        <span className="find-status" aria-live="polite" data-testid="find-status">{status}</span>
        <button type="button" className="button" onClick={() => step(-1)} disabled={found.count === 0} title="上一个（Shift+Enter）">上一个</button>
        <button type="button" className="button" onClick={() => step(1)} disabled={found.count === 0} title="下一个（Enter）">下一个</button>
        {editable && !showReplace && (
          <button type="button" className="button link" onClick={() => setShowReplace(true)}>替换…</button>
        )}
        <button type="button" className="button link find-close" onClick={close} aria-label="关闭查找" title="关闭（Esc）">×</button>
      </div>
      {showReplace && (
        <div className="find-row">
          <input
            ref={replaceInput}
            className="find-input"
            value={replacement}
            placeholder="替换为"
            aria-label="替换为"
            maxLength={200}
            data-testid="find-replacement"
            onChange={(e) => {
              setReplacement(e.target.value)
              setReplaced(null)
            }}
            onKeyDown={(e) => onKeyDown(e, replaceOne)}
          />
          <button type="button" className="button" onClick={replaceOne} disabled={found.count === 0 || unchanged} title={unchanged ? '替换内容与查找内容相同' : undefined} data-testid="find-replace-one">替换</button>
          <button type="button" className="button" onClick={replaceAll} disabled={found.count === 0 || unchanged} title={unchanged ? '替换内容与查找内容相同' : undefined} data-testid="find-replace-all">全部替换</button>
          {replaced !== null && <span className="find-status" data-testid="find-replaced">已替换 {replaced} 处</span>}
        </div>
      )}
    </div>
  )
}
