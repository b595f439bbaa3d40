import type { InlineJSON } from '../docJson'

/**
 * Splits a heading's content at its first `。`. A heading whose text continues after it is
 * "run in" (shared/schema/sectionHeading.ts): the first sentence is the heading and the rest
 * the start of the section's body, set in the body face in the same paragraph.
 * `body` is empty for a heading that is not run in.
 */
export function splitRunIn(content: readonly InlineJSON[] | undefined): { heading: InlineJSON[]; body: InlineJSON[] } {
  const nodes = content ?? []
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]
    if (node.type !== 'text') continue
    const stop = node.text.indexOf('。')
    if (stop < 0) continue
    const head = node.text.slice(0, stop + 1)
    const tail = node.text.slice(stop + 1)
    const heading: InlineJSON[] = [...nodes.slice(0, i), { ...node, text: head }]
    const body: InlineJSON[] = [...(tail ? [{ ...node, text: tail }] : []), ...nodes.slice(i + 1)]
    const bodyHasContent = body.some((n) => n.type === 'placeholder' || n.text.trim() !== '')
    return bodyHasContent ? { heading, body } : { heading: [...nodes], body: [] }
  }
  return { heading: [...nodes], body: [] }
}
