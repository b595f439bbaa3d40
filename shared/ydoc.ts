import * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { hegaoSchema, BODY_FRAGMENT } from './schema/index'
import type { DocJSON, InlineJSON } from './docJson'

/** Writes a document into a fresh Y.Doc's body fragment (how the server seeds a room). */
export function docJsonToYDoc(json: DocJSON, ydoc: Y.Doc = new Y.Doc()): Y.Doc {
  prosemirrorJSONToYXmlFragment(hegaoSchema, json, ydoc.getXmlFragment(BODY_FRAGMENT))
  return ydoc
}

/** Reads the body fragment of a Y.Doc back as ProseMirror JSON. */
export function yDocToDocJson(ydoc: Y.Doc): DocJSON {
  return yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(BODY_FRAGMENT)) as DocJSON
}

/**
 * The title line's inline content, read from the Y.Doc without converting the body. The title
 * element is read as a fragment of its children: each text child comes back as a list of runs
 * (one per set of marks), each placeholder as a node.
 */
export function yDocTitleContent(ydoc: Y.Doc): InlineJSON[] {
  const first = ydoc.getXmlFragment(BODY_FRAGMENT).get(0)
  if (!(first instanceof Y.XmlElement) || first.nodeName !== 'title') return []
  return ((yXmlFragmentToProsemirrorJSON(first) as { content?: (InlineJSON | InlineJSON[])[] }).content ?? []).flat()
}

/** The state of a document as one Yjs update, for storage or transfer. */
export function docJsonToUpdate(json: DocJSON): Uint8Array {
  return Y.encodeStateAsUpdate(docJsonToYDoc(json))
}
