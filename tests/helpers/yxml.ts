import * as Y from 'yjs'

/** Every placeholder element below `node`, in document order (they sit inside paragraphs and headings). */
export function placeholders(node: Y.XmlFragment | Y.XmlElement): Y.XmlElement[] {
  const found: Y.XmlElement[] = []
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (child.nodeName === 'placeholder') found.push(child)
    found.push(...placeholders(child))
  }
  return found
}
