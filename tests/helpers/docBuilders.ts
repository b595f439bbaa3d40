/** Short builders of ProseMirror JSON for tests that set up a document by hand. */
export const text = (t: string) => ({ type: 'text', text: t })
export const heading = (id: string, level: number, ...content: unknown[]) => ({ type: 'sectionHeading', attrs: { id, level }, content })
export const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content })
export const placeholder = (id: string, value = '', pattern = '**', unit = '次') => ({
  type: 'placeholder',
  attrs: { id, kind: 'number', pattern, unit, value },
})
