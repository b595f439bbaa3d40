import { EditorContent } from '@tiptap/react'
import { useHegaoEditor } from '../editor/useHegaoEditor'
import { OutlinePanel } from '../editor/OutlinePanel'
import { CheckPanel } from '../editor/CheckPanel'
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
}

/** The page-like editing column bound to the document's Y.Doc, with the editor's side panels. */
export function EditorWorkspace({ session, user, editable }: EditorWorkspaceProps) {
  const editor = useHegaoEditor({ ydoc: session.ydoc, provider: session.provider, user, editable })
  return (
    <div className="editor-body">
      <div className="editor-column">
        <div className="paper" data-testid="editor-paper">
          <EditorContent editor={editor} className="paper-content" data-testid="editor" />
        </div>
      </div>
      <aside className="side-panel" data-testid="side-panel" aria-label="侧栏">
        <OutlinePanel editor={editor} />
        <CheckPanel editor={editor} />
      </aside>
    </div>
  )
}
