import { useEffect, useState } from 'react'
import type { DocJSON } from '../../shared/docJson'
import { PrintDocument, type PrintMeta } from './PrintDocument'

/** Where the signed-in user's API token is kept (the sign-in page writes it). */
export const TOKEN_KEY = 'hegao.token'

type Loaded = { doc: DocJSON; meta: PrintMeta }
type State = { kind: 'loading' } | { kind: 'error'; message: string } | ({ kind: 'ready' } & Loaded)

function authHeaders(): HeadersInit {
  const token = localStorage.getItem(TOKEN_KEY)
  return token ? { Authorization: `Bearer ${token}` } : {}
}

async function errorMessage(response: Response): Promise<string> {
  const body = await response.json().catch(() => null) as { error?: string } | null
  if (body?.error) return body.error
  if (response.status === 401) return '请先登录。'
  if (response.status === 403) return '您没有查看此文档的权限。'
  if (response.status === 404) return '文档不存在。'
  return `加载失败（${response.status}）。`
}

/**
 * The editor's Y.Doc is not open here, so the print view fetches the document as DocJSON
 * (GET /api/documents/:id/export?format=json) and its workflow record (status, hash, sign-offs).
 */
async function loadDocument(docId: string): Promise<Loaded> {
  const id = encodeURIComponent(docId)
  const [content, info] = await Promise.all([
    fetch(`/api/documents/${id}/export?format=json`, { headers: authHeaders() }),
    fetch(`/api/documents/${id}`, { headers: authHeaders() }),
  ])
  if (!content.ok) throw new Error(await errorMessage(content))
  const doc = await content.json() as DocJSON
  const record = info.ok ? await info.json() as { status?: string; hash?: string; lockedHash?: string; signoffs?: PrintMeta['signoffs'] } : {}
  return { doc, meta: { status: record.status, hash: record.hash ?? record.lockedHash, signoffs: record.signoffs } }
}

/** The print page of one document (route /documents/:id/print). */
export function PrintView({ docId }: { docId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  useEffect(() => {
    let current = true
    setState({ kind: 'loading' })
    loadDocument(docId).then(
      (loaded) => { if (current) setState({ kind: 'ready', ...loaded }) },
      (error: unknown) => { if (current) setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }) },
    )
    return () => { current = false }
  }, [docId])
  if (state.kind === 'loading') return <p role="status">正在加载文档…</p>
  if (state.kind === 'error') return <p role="alert">无法加载文档：{state.message}</p>
  return <PrintDocument doc={state.doc} meta={state.meta} />
}

export default PrintView
