import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { EditorContent } from '@tiptap/react'
import { TextSelection } from '@tiptap/pm/state'
import { useHegaoEditor } from '../editor/useHegaoEditor'
import { OutlinePanel } from '../editor/OutlinePanel'
import { CheckPanel } from '../editor/CheckPanel'
import { BlockFormatSelect } from '../editor/BlockFormatSelect'
import { FindBar } from '../editor/FindBar'
import { UndoButtons } from '../editor/UndoButtons'
import { TableControls } from '../editor/TableControls'
import { ShortcutsButton } from '../editor/ShortcutsDialog'
import { useEditorJson } from '../editor/useEditorJson'
import { findSectionById } from '../editor/sections'
import { OPEN_SECTION_COMMENTS_EVENT, setCommentCounts, type OpenSectionCommentsDetail } from '../editor/extensions/commentMarkers'
import { buildOutline, type OutlineSection } from '../../shared/outline'
import { preSubmissionCheck } from '../../shared/check/index'
import type { ImportCorrection } from '../../shared/import/importReport'
import { useComments } from '../comments/useComments'
import { useCaretSection } from '../comments/useCaretSection'
import { useLiveComments } from '../comments/useLiveComments'
import { CommentsPanel } from '../comments/CommentsPanel'
import { findQuote } from '../comments/quoteLocation'
import { useAssignments } from '../assignments/useAssignments'
import type { CollabSession } from '../collab/createCollabSession'
import type { PresenceUser } from '../collab/usePresence'
import type { DocumentStatus, Role } from '../api/types'

export interface EditorWorkspaceProps {
  session: CollabSession
  user: PresenceUser
  editable: boolean
  docId: string
  token: string
  role: Role
  status: DocumentStatus
  /** Incremented whenever the page wants the check shown (提交审核 pressed while the check is not ready). */
  checkRequest: number
  /** Called when the check shown for such a request passes: what the page said about the refusal is out of date. */
  onCheckPassed(): void
  /** The title line's text as it is now (the page header follows it while colleagues edit it). */
  onTitle(title: string): void
  /** The numbering the import corrected: the server's check reports it, so the panel's does too. */
  importCorrections?: ImportCorrection[]
}

type Tab = 'outline' | 'comments' | 'check'
const tabs: { id: Tab; label: string }[] = [
  { id: 'outline', label: '大纲' },
  { id: 'comments', label: '评论' },
  { id: 'check', label: '检查' },
]

/** Section id → 「二、（一）主要做法」, for showing where a comment thread is. */
function labelsOf(sections: readonly OutlineSection[], prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const section of sections) {
    if (section.id) into.set(section.id, `${prefix}${section.number}${section.heading}`)
    labelsOf(section.children, `${prefix}${section.number}`, into)
  }
  return into
}

/** The page-like editing column bound to the document's Y.Doc, with the tabbed side panel. */
/**
 * Memoised: the page around it re-renders on presence, status and dialogs, and a render here
 * walks every outline row and panel; its own inputs change far less often.
 */
export const EditorWorkspace = memo(function EditorWorkspace({ session, user, editable, docId, token, role, status, checkRequest, onCheckPassed, onTitle, importCorrections }: EditorWorkspaceProps) {
  const editor = useHegaoEditor({ ydoc: session.ydoc, provider: session.provider, user, editable })
  const json = useEditorJson(editor)
  const outline = useMemo(() => (json ? buildOutline(json) : null), [json])
  const title = outline?.title
  useEffect(() => {
    if (title !== undefined) onTitle(title.trim())
  }, [title, onTitle])
  const sectionLabels = useMemo(() => labelsOf(outline?.sections ?? []), [outline])
  const [tab, setTab] = useState<Tab>('outline')
  const [showAllComments, setShowAllComments] = useState(false)

  // 提交审核 refused: show the check and make every unfilled placeholder impossible to miss until it passes.
  const [highlightUnfilled, setHighlightUnfilled] = useState(false)
  const seenCheckRequest = useRef(checkRequest)
  // The panels' JSON lags the text a little: only a check of a newer one may lift the highlight.
  const jsonAtRequest = useRef(json)
  useEffect(() => {
    if (checkRequest <= seenCheckRequest.current) return
    seenCheckRequest.current = checkRequest
    jsonAtRequest.current = json
    setTab('check')
    setHighlightUnfilled(true)
  }, [checkRequest, json])
  const needCheck = tab === 'check' || highlightUnfilled
  const check = useMemo(() => (json && needCheck ? preSubmissionCheck(json, { importCorrections }) : null), [json, needCheck, importCorrections])
  useEffect(() => {
    if (!highlightUnfilled || !check?.ready || json === jsonAtRequest.current) return
    setHighlightUnfilled(false)
    onCheckPassed()
  }, [check, json, highlightUnfilled, onCheckPassed])

  const { comments, counts: commentCounts } = useLiveComments(useComments(docId, token), outline ? [...sectionLabels.keys()] : null)
  const openComments = commentCounts.size ? [...commentCounts.values()].reduce((a, b) => a + b, 0) : 0
  useEffect(() => {
    if (editor && !editor.isDestroyed) setCommentCounts(editor.view, commentCounts)
  }, [editor, commentCounts])
  const caret = useCaretSection(editor)
  const assignments = useAssignments(docId, token, role === 'owner')

  /** Puts the caret at the start of a section's heading (also in a read-only editor) and shows its threads. */
  const openSectionComments = useCallback(
    (sectionId: string) => {
      setTab('comments')
      setShowAllComments(false)
      if (!editor || editor.isDestroyed) return
      const section = findSectionById(editor.state.doc, sectionId)
      if (!section) return
      const { view } = editor
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, section.pos + 1)))
      const dom = view.nodeDOM(section.pos)
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'nearest' })
    },
    [editor],
  )

  /** Selects a thread's quote where it still stands in its section, and brings it into view. */
  const locateQuote = useCallback(
    (sectionId: string, quote: string) => {
      if (!editor || editor.isDestroyed) return false
      const found = findQuote(editor.state.doc, sectionId, quote)
      if (!found) return false
      const { view } = editor
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, found.from, found.to)))
      view.focus()
      const { node } = view.domAtPos(found.from)
      ;(node instanceof HTMLElement ? node : node.parentElement)?.scrollIntoView({ block: 'center' })
      return true
    },
    [editor],
  )

  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    const dom = editor.view.dom
    const listener = (event: Event) => openSectionComments((event as CustomEvent<OpenSectionCommentsDetail>).detail.sectionId)
    dom.addEventListener(OPEN_SECTION_COMMENTS_EVENT, listener)
    return () => dom.removeEventListener(OPEN_SECTION_COMMENTS_EVENT, listener)
  }, [editor, openSectionComments])

  return (
    <div className="editor-body">
      <div className="editor-main">
        {editor && (
          <div className="editor-toolbar" data-testid="editor-toolbar">
            {editable && <UndoButtons editor={editor} />}
            {editable && <BlockFormatSelect editor={editor} />}
            {editable && <TableControls editor={editor} />}
            <div className="toolbar-end">
              {editable && <ShortcutsButton />}
              <FindBar editor={editor} editable={editable} />
            </div>
          </div>
        )}
        <div className="editor-column">
          <div className={`paper${highlightUnfilled ? ' check-highlight' : ''}`} data-testid="editor-paper">
            <EditorContent editor={editor} className="paper-content" data-testid="editor" />
          </div>
        </div>
      </div>
      <aside className="side-panel" data-testid="side-panel" aria-label="侧栏">
        <div className="side-tabs" role="tablist" aria-label="侧栏">
          {tabs.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={`side-tab${tab === id ? ' active' : ''}`}
              data-testid={`tab-${id}`}
              onClick={() => setTab(id)}
            >
              {label}
              {id === 'comments' && openComments > 0 && <span className="side-tab-count">{openComments}</span>}
              {id === 'outline' && outline && outline.unfilled > 0 && <span className="side-tab-count unfilled">{outline.unfilled}</span>}
            </button>
          ))}
        </div>
        {tab === 'outline' && (
          <OutlinePanel
            editor={editor}
            outline={outline}
            commentCounts={commentCounts}
            assignments={assignments}
            canAssign={role === 'owner' && status !== 'locked' && status !== 'signed'}
            selfUsername={user.username}
            onOpenComments={openSectionComments}
          />
        )}
        {tab === 'comments' && (
          <CommentsPanel
            comments={comments}
            caret={caret}
            sectionLabels={sectionLabels}
            selfUsername={user.username}
            canComment={role !== 'viewer'}
            onGoToSection={openSectionComments}
            onLocateQuote={locateQuote}
            showAll={showAllComments}
            onShowAllChange={setShowAllComments}
          />
        )}
        {tab === 'check' && <CheckPanel editor={editor} check={check} />}
      </aside>
    </div>
  )
})
