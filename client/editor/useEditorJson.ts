import { useEffect, useState } from 'react'
import type { Editor } from '@tiptap/core'
import type { DocJSON } from '../../shared/docJson'

/**
 * How long panels may lag behind the text. Serialising a long document and rebuilding the
 * outline and check from it takes tens of milliseconds; doing that every frame while people
 * type (locally or remotely) starves the keyboard, so it happens at most this often.
 */
const REFRESH_INTERVAL_MS = 400

/**
 * The editor's document as JSON, refreshed after changes at most once per REFRESH_INTERVAL_MS
 * (on the frame after the interval): panels derive their lists from it without slowing down typing.
 */
export function useEditorJson(editor: Editor | null): DocJSON | null {
  const [json, setJson] = useState<DocJSON | null>(() => (editor ? (editor.getJSON() as DocJSON) : null))
  useEffect(() => {
    if (!editor) return
    let frame = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const refresh = () => {
      if (timer || frame) return
      timer = setTimeout(() => {
        timer = undefined
        frame = requestAnimationFrame(() => {
          frame = 0
          if (!editor.isDestroyed) setJson(editor.getJSON() as DocJSON)
        })
      }, REFRESH_INTERVAL_MS)
    }
    setJson(editor.getJSON() as DocJSON)
    editor.on('update', refresh)
    return () => {
      editor.off('update', refresh)
      if (timer) clearTimeout(timer)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [editor])
  return json
}
