import { useEffect, useState } from 'react'
import { api } from '../api/client'
import type { Version } from '../../shared/api/versions'
import type { DocJSON } from '../../shared/docJson'
import { versionKindLabel } from '../labels'
import { errorMessage, formatTime, shortHash } from '../workflow/format'
import { DocView } from './DocView'

/** One stored version's content, read-only. */
export function VersionViewer({ docId, versionId }: { docId: string; versionId: number }) {
  const [loaded, setLoaded] = useState<{ version: Version; content: DocJSON } | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    setLoaded(null)
    setError(null)
    api<{ version: Version; content: DocJSON }>('GET', `/api/documents/${encodeURIComponent(docId)}/versions/${versionId}`)
      .then((result) => !cancelled && setLoaded(result))
      .catch((caught) => !cancelled && setError(errorMessage(caught, '无法加载该版本')))
    return () => {
      cancelled = true
    }
  }, [docId, versionId])

  if (error) return <p className="form-error" role="alert">{error}</p>
  if (!loaded) return <p className="muted">正在加载…</p>
  const { version, content } = loaded
  return (
    <div className="version-viewer" data-testid="version-viewer">
      <p className="muted">
        {versionKindLabel(version.kind)}{version.name ? `「${version.name}」` : ''} · {version.displayName} · {formatTime(version.at)} ·
        校验值 <code className="hash" title={version.hash}>{shortHash(version.hash)}</code>（只读）
      </p>
      <DocView doc={content} />
    </div>
  )
}
