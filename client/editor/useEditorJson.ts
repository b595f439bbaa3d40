import { useEffect, useState } from 'react'
import type { Editor } from '@tiptap/core'
import type { DocJSON } from '../../shared/docJson'

/**
 * The editor's document as JSON, refreshed after changes at most once per animation frame:
 * panels derive their lists from it without slowing down typing.
 */
export function useEditorJson(editor: Editor | null): DocJSON | null {
  const [json, setJson] = useState<DocJSON | null>(() => (editor ? (editor.getJSON() as DocJSON) : null))
  useEffect(() => {
    if (!editor) return
    let frame = 0
    const refresh = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        if (!editor.isDestroyed) setJson(editor.getJSON() as DocJSON)
      })
    }
    setJson(editor.getJSON() as DocJSON)
    editor.on('update', refresh)
    return () => {
      editor.off('update', refresh)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [editor])
  return json
}
