import { Node } from '@tiptap/core'

/**
 * The document: a title, then body blocks. Sections are flat: a `sectionHeading`
 * opens a section that runs until the next heading of the same or a higher level.
 * Flat headings keep promote/demote an attribute change, which merges cleanly when
 * two people restructure at once (a nested tree would need delete + insert).
 */
export const HegaoDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'title block*',
})
