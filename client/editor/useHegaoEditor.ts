import { useEditor, type Editor } from '@tiptap/react'
import type { AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { schemaExtensions, BODY_FRAGMENT } from '../../shared/schema/index'
import { PlaceholderWithView } from './extensions/placeholderView'
import { SectionNumbering } from './extensions/sectionNumbering'
import { UniqueIds } from './extensions/uniqueIds'
import { installIncrementalRemoteSync } from './incrementalRemoteSync'
import { SectionEditing } from './extensions/sectionEditing'
import { PlaceholderEditing } from './extensions/placeholderEditing'
import { RemoteCaretFix } from './extensions/remoteCaretFix'
import { CommentMarkers } from './extensions/commentMarkers'
import { DirectTextInput } from './extensions/directTextInput'
import { remoteCaretsOnly } from './remoteCaretsOnly'
import { PendingSelection } from './extensions/pendingSelection'
import { ClipboardText } from './extensions/clipboardText'
import { TemplateHints } from './extensions/templateHints'
import { FindReplace } from './extensions/findReplace'
import { BodyTables } from './extensions/bodyTables'
import { TableWithView } from './extensions/tableView'
import { ColumnResize } from './extensions/columnResize'
import '../styles/editorContent.css'

export interface EditorUser { name: string; color: string }

installIncrementalRemoteSync()

/** The shared schema's nodes that the editor draws with views of its own: the placeholder filled in place, the table laid out as printed. */
const WITH_VIEWS: Record<string, AnyExtension> = { placeholder: PlaceholderWithView, table: TableWithView }

/**
 * The collaborative editor of one document. Content comes only from the Y.Doc (seeded by
 * the server): no `content` option, so two clients never both insert an initial document.
 */
export function useHegaoEditor(options: { ydoc: Y.Doc; provider: WebsocketProvider; user: EditorUser; editable: boolean }): Editor | null {
  const { ydoc, provider, user, editable } = options
  return useEditor(
    {
      editable,
      extensions: [
        // Our schema replaces StarterKit's document model; keep only its editing helpers.
        StarterKit.configure({
          undoRedo: false, document: false, paragraph: false, text: false, heading: false, blockquote: false,
          bulletList: false, orderedList: false, listItem: false, listKeymap: false, codeBlock: false, code: false,
          horizontalRule: false, hardBreak: false, bold: false, italic: false, strike: false, underline: false, link: false,
        }),
        ...schemaExtensions.map((extension) => WITH_VIEWS[extension.name] ?? extension),
        SectionNumbering,
        UniqueIds,
        SectionEditing,
        PlaceholderEditing,
        RemoteCaretFix,
        CommentMarkers,
        DirectTextInput,
        PendingSelection,
        ClipboardText,
        TemplateHints,
        FindReplace,
        BodyTables,
        ColumnResize,
        Collaboration.configure({ document: ydoc, field: BODY_FRAGMENT }),
        CollaborationCaret.configure({ provider: { awareness: remoteCaretsOnly(provider.awareness) }, user }),
      ],
    },
    [ydoc, provider],
  )
}
