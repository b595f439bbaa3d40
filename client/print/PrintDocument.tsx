import type { BlockJSON, DocJSON, InlineJSON, SectionHeadingJSON, TitleJSON } from '../../shared/docJson'
import { numberLabels } from '../../shared/numbering'
import { clampLevel } from '../../shared/schema/sectionHeading'
import { splitRunIn } from '../../shared/sections'
import { closingLayout } from '../../shared/layout/closing'
import { attachmentLayout } from '../../shared/layout/attachments'
import { paragraphKind } from '../../shared/schema/paragraph'
import { CHAR_PITCH_TWIPS, MARGIN_MM, PAGE_NUMBER, TEXT_AREA_MM, issuerSizePt, issuerSpaceBeforeTwips, pageNumberText } from '../../shared/layout/gbt9704'
import { letterheadMarks, type Letterhead } from '../../shared/api/letterhead'
import { useRef, useState, type ReactNode } from 'react'
import { printCss } from './printStyles'
import { PAGE_STEP_MM, screenPagingSupported, useScreenPages } from './screenPages'
import { DocTable } from '../components/DocTable'
import { RECORD_HEADING, signoffRecordLines, type RecordMeta } from '../../shared/layout/signoffRecord'

export interface PrintMeta extends RecordMeta {
  /** The named signers' display names: a 上行文's 版头 lists them. */
  signers?: string[]
}

/** Inline content; an unfilled placeholder shows its pattern highlighted, as in the .docx. */
function Inline({ content }: { content?: readonly InlineJSON[] }) {
  return (
    <>
      {(content ?? []).map((node, i) => {
        if (node.type === 'text') return <span key={i}>{node.text}</span>
        return node.attrs.value
          ? <span key={i} className="gw-filled">{node.attrs.value}</span>
          : <span key={i} className="gw-unfilled" title="未填写">{node.attrs.pattern || '*'}</span>
      })}
    </>
  )
}

function Heading({ node, label }: { node: SectionHeadingJSON; label: string }) {
  const level = clampLevel(node.attrs.level)
  const { heading, body } = splitRunIn(node.content, level)
  return (
    <p className={`gw-p gw-h${level}${body.length ? ' gw-h-run-in' : ' gw-h-own'}`} data-level={level}>
      <span className="gw-number">{label}</span>
      <Inline content={heading} />
      {body.length > 0 && <span className="gw-run-in-body"><Inline content={body} /></span>}
    </p>
  )
}

/** The same last page as the .docx (shared/layout/signoffRecord.ts): content hash and who signed off. */
function SignoffRecord({ meta }: { meta?: PrintMeta }) {
  const lines = signoffRecordLines(meta)
  if (!lines.length) return null
  return (
    <section className="gw-record">
      <p className="gw-record-heading">{RECORD_HEADING}</p>
      {lines.map(({ text, kind }, i) => <p key={i} className={kind === 'hash' ? 'gw-p gw-hash' : 'gw-p'}>{text}</p>)}
    </section>
  )
}

/** The 版头 (§7.2), as the .docx export sets it (server/export/docx/letterhead.ts). */
function LetterheadBlock({ letterhead }: { letterhead: Letterhead }) {
  const signers = letterhead.signers ?? []
  const marks = letterheadMarks(letterhead)
  const issuerTop = marks.length ? `${issuerSpaceBeforeTwips(marks.length) / 20}pt` : undefined
  return (
    <header className="gw-letterhead" data-testid="print-letterhead">
      {marks.map(({ text, kind }) => <p key={kind} className={`gw-mark gw-mark-${kind}`} data-testid={`letterhead-mark-${kind}`}>{text}</p>)}
      <p className="gw-issuer" style={{ fontSize: `${issuerSizePt(letterhead.issuer)}pt`, marginTop: issuerTop }}>{letterhead.issuer}</p>
      <p className={`gw-serial${signers.length ? ' gw-serial-upward' : ''}`}>
        <span>{letterhead.serial}</span>
        {signers.length > 0 && <span>签发人：<span className="gw-signer-names">{signers.join('　')}</span></span>}
      </p>
    </header>
  )
}

/** `— n —` under each sheet on screen, where the printout's @page boxes put it: odd pages right, even left. */
function ScreenPageNumbers({ pages }: { pages: number }) {
  const top = MARGIN_MM.top + TEXT_AREA_MM.height + PAGE_NUMBER.belowTextAreaMm
  return (
    <>
      {Array.from({ length: pages }, (_, i) => {
        const side = i % 2 === 0 ? 'right' : 'left'
        const style = { top: `${i * PAGE_STEP_MM + top}mm`, [side]: `calc(${MARGIN_MM[side]}mm + ${PAGE_NUMBER.outerIndentTwips / 20}pt)` }
        return <span key={i} className="gw-screen-page-number gw-no-print" style={style}>{pageNumberText(i + 1)}</span>
      })}
    </>
  )
}

/**
 * A document laid out for printing by GB/T 9704-2012 (figures in shared/layout/gbt9704.ts).
 * Pure: renders from DocJSON, so it works from a fetched export or from a prop; `toolbar` adds
 * controls beside the print button (never printed).
 */
export function PrintDocument({ doc, meta, backHref, letterhead, toolbar }: { doc: DocJSON; meta?: PrintMeta; backHref?: string; letterhead?: Letterhead; toolbar?: ReactNode }) {
  const blocks = doc.content as (TitleJSON | BlockJSON)[]
  const headings = blocks.filter((b): b is SectionHeadingJSON => b.type === 'sectionHeading')
  const labels = numberLabels(headings.map((h) => clampLevel(h.attrs.level)))
  const closing = closingLayout(blocks)
  const attachments = attachmentLayout(blocks)
  const charsPt = (chars: number) => `${(chars * CHAR_PITCH_TWIPS) / 20}pt`
  const [paged] = useState(screenPagingSupported)
  const documentBox = useRef<HTMLDivElement>(null)
  const pages = useScreenPages(documentBox, paged)
  let headingIndex = 0
  return (
    <div className="gw-screen">
      <style>{printCss()}</style>
      <div className="gw-toolbar gw-no-print">
        <button type="button" className="button" onClick={() => window.print()}>打印</button>
        {backHref && <a href={backHref}>返回文档</a>}
        <span>按 GB/T 9704-2012 排版：A4，每页 22 行、每行 28 字。{pages !== null && <span data-testid="print-page-count">共 {pages} 页。</span>}</span>
        {toolbar}
      </div>
      <article className={paged ? 'gw-sheet gw-paged' : 'gw-sheet'}>
        {pages !== null && <ScreenPageNumbers pages={pages} />}
        <div className="gw-document" ref={documentBox}>
          {letterhead && <LetterheadBlock letterhead={letterhead} />}
          {blocks.map((block, i) => {
            if (block.type === 'title') return <h1 key={i} className="gw-title"><Inline content={block.content} /></h1>
            if (block.type === 'sectionHeading') return <Heading key={i} node={block} label={labels[headingIndex++]} />
            if (block.type === 'table') return <DocTable key={i} table={block} className="gw-table" Inline={Inline} />
            const attachment = attachments.get(i)
            if (attachment) {
              const style = { paddingLeft: charsPt(attachment.leftChars), textIndent: `-${charsPt(attachment.hangingChars)}` }
              return <p key={i} className={`gw-p gw-attachment${attachment.spaceBefore ? ' gw-space-before' : ''}`} style={style}><Inline content={block.content} /></p>
            }
            const place = closing.get(i)
            if (place) {
              const style = { paddingRight: charsPt(place.rightChars) }
              return <p key={i} className={`gw-p gw-closing${place.spaceBefore ? ' gw-space-before' : ''}`} style={style}><Inline content={block.content} /></p>
            }
            const addressee = paragraphKind(block.attrs?.kind) === 'addressee'
            return <p key={i} className={addressee ? 'gw-p gw-addressee' : 'gw-p gw-body'}><Inline content={block.content} /></p>
          })}
          <SignoffRecord meta={meta} />
        </div>
      </article>
    </div>
  )
}

export default PrintDocument
