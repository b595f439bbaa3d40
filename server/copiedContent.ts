import type { BlockJSON, DocJSON, InlineJSON, TableJSON, TitleJSON } from '../shared/docJson'
import { newId } from '../shared/ids'

/**
 * A document's content as the start of a new one (另存为): fresh section and placeholder ids, so
 * that comments, assignments and history stay with the original; with `unfill`, every placeholder
 * is open again (next year's report from this year's: the text and structure stay, the figures go).
 */
export function copiedContent(doc: DocJSON, { unfill }: { unfill: boolean }): DocJSON {
  const inline = (content: InlineJSON[] | undefined) =>
    content?.map((node) => (node.type === 'placeholder' ? { ...node, attrs: { ...node.attrs, id: newId(), value: unfill ? '' : node.attrs.value } } : node))
  const table = (block: TableJSON): TableJSON => ({
    ...block,
    content: block.content?.map((row) => ({
      ...row,
      content: row.content?.map((cell) => ({ ...cell, content: cell.content?.map((p) => ({ ...p, content: inline(p.content) })) })),
    })),
  })
  const blocks = (doc.content as (TitleJSON | BlockJSON)[]).map((block): TitleJSON | BlockJSON => {
    if (block.type === 'table') return table(block)
    if (block.type === 'sectionHeading') return { ...block, attrs: { ...block.attrs, id: newId() }, content: inline(block.content) }
    return { ...block, content: inline(block.content) }
  })
  return { type: 'doc', content: blocks }
}
