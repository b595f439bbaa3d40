import { useState } from 'react'
import { api } from '../api/client'
import { useAction } from '../api/useAction'
import type { DocumentStatus, Role } from '../api/types'
import type { Version } from '../../shared/api/versions'
import { versionKindLabel } from '../labels'
import { CloseFooter, Dialog } from '../workflow/Dialog'
import { formatTime, shortHash } from '../workflow/format'
import { CompareView, type CompareSide } from './CompareView'
import { SaveVersionForm } from './SaveVersionForm'
import { useVersions } from './useVersions'
import { versionNumbers } from './versionNumbers'
import { VersionViewer } from './VersionViewer'

type Pane = { mode: 'view'; id: number } | { mode: 'compare'; from: CompareSide; to: CompareSide } | null

/** 历史版本: every stored version, newest first, to view, compare, name the current text, or restore. */
export function HistoryDialog({ docId, token, role, status, onClose }: {
  docId: string
  token: string
  role: Role
  status: DocumentStatus
  onClose(): void
}) {
  const { versions, error, generation, reload } = useVersions(docId, token)
  const numberOf = versionNumbers(versions)
  const [pane, setPane] = useState<Pane>(null)
  const [restoring, setRestoring] = useState<Version | null>(null)
  const restoreAction = useAction('恢复失败')
  const [notice, setNotice] = useState<string | null>(null)
  const canWrite = role === 'owner' || role === 'editor'
  const canRestore = canWrite && status === 'draft'

  const restore = (version: Version) =>
    restoreAction.run(
      () => api('POST', `/api/documents/${encodeURIComponent(docId)}/versions/${version.id}/restore`),
      () => {
        setRestoring(null)
        setNotice(`已恢复到「${version.name ?? versionKindLabel(version.kind)}」（${formatTime(version.at)}）的内容`)
        reload()
      },
    )

  return (
    <Dialog label="历史版本" testId="history-dialog" wide onClose={onClose}>
      <div className="history-layout">
        <div className="history-list">
          {canWrite && <SaveVersionForm docId={docId} onSaved={reload} />}
          {error && <p className="form-error" role="alert">{error}</p>}
          {notice && <p className="form-notice" data-testid="history-notice">{notice}</p>}
          {restoreAction.error && <p className="form-error" role="alert" data-testid="history-error">{restoreAction.error}</p>}
          {versions && versions.length === 0 && <p className="muted" data-testid="history-empty">还没有版本。提交审核、锁定、签发、解除锁定时会自动保存版本，也可以手动保存。</p>}
          {versions && versions.length > 0 && (
            <table className="table compact history-table">
              <thead><tr><th>类型</th><th>名称</th><th>用户</th><th>时间</th><th>校验值</th><th /></tr></thead>
              <tbody>
                {versions.map((version) => (
                  <tr
                    key={version.id}
                    data-testid="version-row"
                    data-version-id={version.id}
                    data-kind={version.kind}
                    className={pane?.mode === 'view' && pane.id === version.id ? 'selected' : ''}
                  >
                    <td><span className={`version-kind version-${version.kind}`}>{versionKindLabel(version.kind)}</span></td>
                    <td className="version-name"><span className="muted">{numberOf(version.id)}</span> {version.name ?? ''}</td>
                    <td>{version.displayName || version.username}</td>
                    <td className="nowrap">{formatTime(version.at)}</td>
                    <td><code className="hash" title={version.hash}>{shortHash(version.hash)}</code></td>
                    <td className="history-actions">
                      <button className="button link" type="button" onClick={() => setPane({ mode: 'view', id: version.id })} data-testid="version-view">查看</button>
                      <button className="button link" type="button" onClick={() => setPane({ mode: 'compare', from: version.id, to: 'current' })} data-testid="version-compare">比较</button>
                      {canRestore && (
                        <button className="button link danger" type="button" onClick={() => setRestoring(version)} data-testid="version-restore">恢复此版本</button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {restoring && (
            <div className="restore-confirm" role="alertdialog" aria-label="确认恢复" data-testid="restore-confirm">
              <p>
                将文档内容恢复为「{restoring.name ?? versionKindLabel(restoring.kind)}」（{formatTime(restoring.at)}）的版本？
                所有打开的编辑器都会看到恢复后的内容；恢复前的内容仍可在历史版本中找到。
              </p>
              <div className="dialog-actions">
                <button className="button" type="button" onClick={() => setRestoring(null)}>取消</button>
                <button className="button primary" type="button" disabled={restoreAction.busy} onClick={() => void restore(restoring)} data-testid="restore-confirm-button">确认恢复</button>
              </div>
            </div>
          )}
        </div>
        <div className="history-pane">
          {pane === null && <p className="muted">选择一个版本「查看」其内容，或「比较」它与当前内容的差异。</p>}
          {pane?.mode === 'view' && <VersionViewer docId={docId} versionId={pane.id} />}
          {pane?.mode === 'compare' && (
            <CompareView
              docId={docId}
              versions={versions ?? []}
              from={pane.from}
              to={pane.to}
              refreshKey={generation}
              onChangeSides={(from, to) => setPane({ mode: 'compare', from, to })}
            />
          )}
        </div>
      </div>
      <CloseFooter testId="history-close" onClose={onClose} />
    </Dialog>
  )
}
