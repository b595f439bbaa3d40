import { useCallback, useEffect, useState } from 'react'
import { api } from '../api/client'
import type { Member } from '../api/types'
import type { AuditEntry } from '../../shared/api/workflow'
import { useDocumentEvents } from '../api/useDocumentEvents'
import { auditActionLabel } from '../labels'
import { CloseFooter, Dialog } from '../workflow/Dialog'
import { errorMessage, formatTime, shortHash } from '../workflow/format'
import { auditDetail, memberNames } from './auditDetail'
import { useVersions } from '../history/useVersions'
import { versionNumbers } from '../history/versionNumbers'

/** 审计记录: every workflow step, membership change and version action, oldest first, as the server logged it. */
export function AuditDialog({ docId, token, members, onClose }: { docId: string; token: string; members: Member[]; onClose(): void }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(() => {
    api<AuditEntry[] | { entries: AuditEntry[] }>('GET', `/api/documents/${encodeURIComponent(docId)}/audit`)
      .then((loaded) => {
        setEntries(Array.isArray(loaded) ? loaded : loaded.entries)
        setError(null)
      })
      .catch((caught) => setError(errorMessage(caught, '无法加载审计记录')))
  }, [docId])

  useEffect(load, [load])
  useDocumentEvents(docId, token, (kind) => {
    if (kind === 'status' || kind === 'versions' || kind === 'members' || kind === 'all') load()
  })

  const nameOf = memberNames(members)
  // The versions the entries name, numbered as the history numbers them.
  const numberOf = versionNumbers(useVersions(docId, token).versions)
  return (
    <Dialog label="审计记录" testId="audit-dialog" wide onClose={onClose}>
      {error && <p className="form-error" role="alert">{error}</p>}
      {entries && (
        <table className="table compact audit-table">
          <thead><tr><th>时间</th><th>用户</th><th>操作</th><th>内容校验值</th><th>详情</th></tr></thead>
          <tbody>
            {entries.map((entry, i) => (
              <tr key={i} data-testid="audit-row" data-action={entry.action}>
                <td className="nowrap">{formatTime(entry.at)}</td>
                <td>{nameOf(entry.username)}</td>
                <td>{auditActionLabel(entry.action)}</td>
                <td>{entry.hash && <code className="hash" title={entry.hash}>{shortHash(entry.hash)}</code>}</td>
                <td>{auditDetail(entry, nameOf, numberOf)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CloseFooter testId="audit-close" onClose={onClose} />
    </Dialog>
  )
}
