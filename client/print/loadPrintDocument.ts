import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { DocJSON } from '../../shared/docJson'
import { yDocToDocJson } from '../../shared/ydoc'
import { collabServerUrl } from '../collab/createCollabSession'
import type { PrintMeta } from './PrintDocument'

/** Where the signed-in user's API token is kept (client/auth/session.ts writes it). */
export const TOKEN_KEY = 'hegao.token'

const SYNC_TIMEOUT_MS = 15_000

export interface PrintSource { doc: DocJSON; meta: PrintMeta }

function token(): string | null {
  return localStorage.getItem(TOKEN_KEY)
}

function authHeaders(): HeadersInit {
  const t = token()
  return t ? { Authorization: `Bearer ${t}` } : {}
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
 * Reads the body once from the collaboration room: the fallback for a server that does not
 * export format=json. Nothing is ever written to this Y.Doc, so nothing is sent back.
 */
function readFromRoom(docId: string): Promise<DocJSON> {
  const ydoc = new Y.Doc()
  const provider = new WebsocketProvider(collabServerUrl(), docId, ydoc, { params: { token: token() ?? '' }, disableBc: true })
  return new Promise<DocJSON>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('连接文档服务器超时。')), SYNC_TIMEOUT_MS)
    const onSync = (synced: boolean) => { if (synced) finish() }
    function finish(error?: Error) {
      clearTimeout(timer)
      provider.off('sync', onSync)
      try {
        if (error) reject(error)
        else resolve(yDocToDocJson(ydoc))
      } finally {
        provider.destroy()
        ydoc.destroy()
      }
    }
    provider.on('sync', onSync)
  })
}

/**
 * The document as DocJSON plus its workflow record (status, hash, sign-offs). The editor's
 * Y.Doc is not open on the print page, so it asks the server for
 * GET /api/documents/:id/export?format=json and, if the server does not offer that format
 * (400), reads the collaboration room once.
 */
export async function loadPrintDocument(docId: string): Promise<PrintSource> {
  const id = encodeURIComponent(docId)
  const [content, info] = await Promise.all([
    fetch(`/api/documents/${id}/export?format=json`, { headers: authHeaders() }),
    fetch(`/api/documents/${id}`, { headers: authHeaders() }),
  ])
  if (!info.ok) throw new Error(await errorMessage(info))
  const record = await info.json() as {
    status?: string; hash?: string; lockedHash?: string; signoffs?: PrintMeta['signoffs']
    signers?: string[]; members?: { username: string; displayName?: string }[]
  }
  const names = new Map((record.members ?? []).map((m) => [m.username, m.displayName || m.username]))
  let doc: DocJSON
  if (content.ok) doc = await content.json() as DocJSON
  else if (content.status === 400) doc = await readFromRoom(docId)
  else throw new Error(await errorMessage(content))
  const signers = (record.signers ?? []).map((username) => names.get(username) ?? username)
  return { doc, meta: { status: record.status, hash: record.hash ?? record.lockedHash, signoffs: record.signoffs, signers } }
}
