import { useEffect, useState } from 'react'
import { href } from '../router'
import { PrintDocument } from './PrintDocument'
import { loadPrintDocument, type PrintSource } from './loadPrintDocument'
import { LetterheadControls } from './LetterheadControls'
import { letterheadOf, rememberLetterhead, rememberedLetterhead, type LetterheadChoice } from '../export/letterheadChoice'

type State = { kind: 'loading' } | { kind: 'error'; message: string } | ({ kind: 'ready' } & PrintSource)

/** The print page of one document (route /documents/:id/print). */
export function PrintView({ docId }: { docId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [choice, setChoice] = useState(() => rememberedLetterhead(docId))
  const choose = (next: LetterheadChoice) => {
    setChoice(next)
    rememberLetterhead(docId, next)
  }
  useEffect(() => {
    let current = true
    setState({ kind: 'loading' })
    loadPrintDocument(docId).then(
      (loaded) => { if (current) setState({ kind: 'ready', ...loaded }) },
      (error: unknown) => { if (current) setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }) },
    )
    return () => { current = false }
  }, [docId])
  if (state.kind === 'loading') return <p role="status">正在加载文档…</p>
  if (state.kind === 'error') return <p role="alert">无法加载文档：{state.message}</p>
  return (
    <PrintDocument
      doc={state.doc}
      meta={state.meta}
      backHref={href(`/documents/${encodeURIComponent(docId)}`)}
      letterhead={letterheadOf(choice, state.meta.signers ?? [])}
      toolbar={<LetterheadControls choice={choice} onChange={choose} />}
    />
  )
}

export default PrintView
