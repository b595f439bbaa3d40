import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../api/client'
import { useDocumentEvents } from '../api/useDocumentEvents'
import type { Thread, ThreadComment } from '../../shared/api/comments'

export interface CommentActions {
  create(sectionId: string, body: string, quote: string | null): Promise<void>
  reply(threadId: string, body: string): Promise<void>
  setResolved(threadId: string, resolved: boolean): Promise<void>
  edit(threadId: string, commentId: string, body: string): Promise<void>
  remove(threadId: string, commentId: string): Promise<void>
}

export interface CommentsState {
  threads: Thread[]
  loaded: boolean
  /** Chinese message of the last failed load (actions throw their own errors to the form). */
  loadError: string | null
  actions: CommentActions
}

/**
 * The document's comment threads, re-read whenever the server announces a change to comments
 * (or after a reconnect). Actions re-read too, so the author sees the result even if the event lags.
 */
export function useComments(docId: string, token: string): CommentsState {
  const [threads, setThreads] = useState<Thread[]>([])
  const [loaded, setLoaded] = useState(false)
  const [loadError, setLoadError] = useState<string | null>(null)
  // Responses may arrive out of order: only the latest request may set the list.
  const latest = useRef(0)
  const base = `/api/documents/${encodeURIComponent(docId)}/comments`

  const load = useCallback(async () => {
    const request = ++latest.current
    try {
      const data = await api<{ threads: Thread[] }>('GET', base)
      if (request !== latest.current) return
      setThreads(data.threads)
      setLoadError(null)
      setLoaded(true)
    } catch (caught) {
      if (request === latest.current) setLoadError(caught instanceof Error ? caught.message : '无法加载评论')
    }
  }, [base])

  useEffect(() => {
    void load()
  }, [load])

  useDocumentEvents(docId, token, (kind) => {
    if (kind === 'comments' || kind === 'all') void load()
  })

  const actions: CommentActions = {
    async create(sectionId, body, quote) {
      await api<{ thread: Thread }>('POST', base, quote ? { sectionId, body, quote } : { sectionId, body })
      await load()
    },
    async reply(threadId, body) {
      await api<{ comment: ThreadComment }>('POST', `${base}/${encodeURIComponent(threadId)}/replies`, { body })
      await load()
    },
    async setResolved(threadId, resolved) {
      await api('PATCH', `${base}/${encodeURIComponent(threadId)}`, { resolved })
      await load()
    },
    async edit(threadId, commentId, body) {
      await api('PATCH', `${base}/${encodeURIComponent(threadId)}/comments/${encodeURIComponent(commentId)}`, { body })
      await load()
    },
    async remove(threadId, commentId) {
      await api('DELETE', `${base}/${encodeURIComponent(threadId)}/comments/${encodeURIComponent(commentId)}`)
      await load()
    },
  }
  return { threads, loaded, loadError, actions }
}
