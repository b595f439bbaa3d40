import type { BlockJSON, DocJSON, InlineJSON, SectionHeadingJSON, TitleJSON } from '../../shared/docJson'
import { numberLabels } from '../../shared/numbering'
import { paragraphKind } from '../../shared/schema/paragraph'
import { clampLevel } from '../../shared/schema/sectionHeading'
import { DocTable } from '../components/DocTable'

/** Inline content as text; an unfilled placeholder shows its pattern, marked, as in the editor. */
function Inline({ content }: { content?: readonly InlineJSON[] }) {
  return (
    <>
      {(content ?? []).map((node, i) => {
        if (node.type === 'text') return <span key={i}>{node.text}</span>
        return node.attrs.value
          ? <span key={i} className="docview-filled">{node.attrs.value}</span>
          : <span key={i} className="docview-unfilled" title="未填写">{node.attrs.pattern || '*'}</span>
      })}
    </>
  )
}

/**
 * A stored version, read-only, with computed section numbers. Deliberately not an editor:
 * a version is a snapshot and must never join the live collaboration.
 */
export function DocView({ doc }: { doc: DocJSON }) {
  const blocks = doc.content as (TitleJSON | BlockJSON)[]
  const headings = blocks.filter((b): b is SectionHeadingJSON => b.type === 'sectionHeading')
  const labels = numberLabels(headings.map((h) => clampLevel(h.attrs.level)))
  let headingIndex = 0
  return (
    <article className="docview" data-testid="version-content">
      {blocks.map((block, i) => {
        if (block.type === 'title') return <h1 key={i} className="docview-title"><Inline content={block.content} /></h1>
        if (block.type === 'sectionHeading') {
          const level = clampLevel(block.attrs.level)
          return (
            <p key={i} className={`docview-p docview-h${level}`}>
              <span className="docview-number">{labels[headingIndex++]}</span>
              <Inline content={block.content} />
            </p>
          )
        }
        if (block.type === 'table') return <DocTable key={i} table={block} className="docview-table" Inline={Inline} />
        return <p key={i} className="docview-p" data-kind={paragraphKind(block.attrs?.kind) ?? undefined}><Inline content={block.content} /></p>
      })}
    </article>
  )
}
