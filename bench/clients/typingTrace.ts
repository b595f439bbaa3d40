import * as Y from 'yjs'
import { fragment, seededRandom } from './editing'

/**
 * A synthetic typing trace of `edits` single-character edits by one author, shaped like real
 * ones: mostly typing at the cursor, sometimes a backspace, sometimes a jump to another place,
 * a new paragraph every few hundred characters. Returns the document as one stored update.
 */
export function buildTypingTrace(edits: number): { update: Uint8Array; length: number } {
  const ydoc = new Y.Doc()
  ydoc.clientID = 424242
  const random = seededRandom(2022)
  const root = fragment(ydoc)
  const paragraphs: Y.XmlText[] = []
  const newParagraph = () => {
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    root.insert(root.length, [paragraph])
    paragraphs.push(text)
    return text
  }
  let text = newParagraph()
  let cursor = 0
  for (let i = 0; i < edits; i++) {
    const roll = random()
    if (text.length > 300 && roll < 0.01) {
      text = newParagraph()
      cursor = 0
    } else if (roll < 0.04) {
      // Jump: click somewhere else in the document.
      text = paragraphs[Math.floor(random() * paragraphs.length)]
      cursor = Math.floor(random() * (text.length + 1))
    }
    if (random() < 0.1 && cursor > 0) {
      text.delete(cursor - 1, 1)
      cursor--
    } else {
      text.insert(cursor, String.fromCharCode(0x4e00 + Math.floor(random() * 2000)))
      cursor++
    }
  }
  const length = paragraphs.reduce((sum, p) => sum + p.length, 0)
  const update = Y.encodeStateAsUpdate(ydoc)
  ydoc.destroy()
  return { update, length }
}
