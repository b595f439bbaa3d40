import { useCallback, useEffect, useState } from 'react'
import { api } from '../api/client'
import type { Version } from '../../shared/api/versions'
import { useDocumentEvents } from '../api/useDocumentEvents'
import { errorMessage } from '../workflow/format'

/** The document's versions, newest first, re-read whenever the server announces a new one. */
export function useVersions(docId: string, token: string): { versions: Version[] | null; error: string | null; generation: number; reload(): void } {
  const [versions, setVersions] = useState<Version[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)

  const reload = useCallback(() => {
    api<{ versions: Version[] }>('GET', `/api/documents/${encodeURIComponent(docId)}/versions`)
      .then((loaded) => {
        setVersions(loaded.versions)
        setError(null)
        setGeneration((n) => n + 1)
      })
      .catch((caught) => setError(errorMessage(caught, '无法加载历史版本')))
  }, [docId])

  useEffect(reload, [reload])
  useDocumentEvents(docId, token, (kind) => {
    if (kind === 'versions' || kind === 'all') reload()
  })
  return { versions, error, generation, reload }
}
