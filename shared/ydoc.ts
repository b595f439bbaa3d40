import * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { hegaoSchema, BODY_FRAGMENT } from './schema/index'
import type { DocJSON } from './docJson'

/** Writes a document into a fresh Y.Doc's body fragment (how the server seeds a room). */
export function docJsonToYDoc(json: DocJSON, ydoc: Y.Doc = new Y.Doc()): Y.Doc {
  prosemirrorJSONToYXmlFragment(hegaoSchema, json, ydoc.getXmlFragment(BODY_FRAGMENT))
  return ydoc
}

/** Reads the body fragment of a Y.Doc back as ProseMirror JSON. */
export function yDocToDocJson(ydoc: Y.Doc): DocJSON {
  return yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(BODY_FRAGMENT)) as DocJSON
}

/** The state of a document as one Yjs update, for storage or transfer. */
export function docJsonToUpdate(json: DocJSON): Uint8Array {
  return Y.encodeStateAsUpdate(docJsonToYDoc(json))
}
