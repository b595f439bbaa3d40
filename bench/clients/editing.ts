import * as Y from 'yjs'

/** The ProseMirror fragment every editor binds to. */
export function fragment(ydoc: Y.Doc): Y.XmlFragment {
  return ydoc.getXmlFragment('default')
}

/** All text nodes of the document, in order. */
export function textNodes(ydoc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = []
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child)
      else if (child instanceof Y.XmlElement) walk(child)
    }
  }
  walk(fragment(ydoc))
  return texts
}

/** Makes sure there is a paragraph to type into (an empty document has none). */
export function ensureParagraph(ydoc: Y.Doc): void {
  if (textNodes(ydoc).length > 0) return
  ydoc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText()])
    fragment(ydoc).insert(fragment(ydoc).length, [paragraph])
  })
}

/** A seeded random generator, so that every server sees the same edits. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 4294967296
  }
}

/** Inserts one character at a random place of a random paragraph (weighted by length). */
export function typeAtRandom(ydoc: Y.Doc, random: () => number, char = '字'): void {
  const texts = textNodes(ydoc)
  const total = texts.reduce((sum, text) => sum + text.length + 1, 0)
  let pick = Math.floor(random() * total)
  for (const text of texts) {
    if (pick <= text.length) {
      text.insert(pick, char)
      return
    }
    pick -= text.length + 1
  }
}

/** A stable digest of a document's visible content, to compare replicas. */
export function contentDigest(ydoc: Y.Doc): string {
  return fragment(ydoc).toString()
}
