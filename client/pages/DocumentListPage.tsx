import { useCallback, useEffect, useState } from 'react'
import { api } from '../api/client'
import type { CreatedDocument, DocumentSummary } from '../api/types'
import { roleLabel, statusLabel, statusLabels } from '../labels'
import { shownTitle } from '../../shared/documentTitle'
import { href, navigate } from '../router'
import { CreateDocumentForm } from '../components/CreateDocumentForm'
import { ImportReportView } from '../components/ImportReportView'
import { formatTime } from '../workflow/format'
import { DeleteDocumentDialog } from '../components/DeleteDocumentDialog'
import { CopyDocumentDialog } from '../components/CopyDocumentDialog'

export function DocumentListPage() {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<CreatedDocument | null>(null)
  const [deleting, setDeleting] = useState<DocumentSummary | null>(null)
  const [copying, setCopying] = useState<DocumentSummary | null>(null)
  const [query, setQuery] = useState('')
  /** A status, 'mine' (待我签发) or '' for all. */
  const [shown, setShown] = useState('')
  const visible = (documents ?? []).filter(
    // By the title as listed: 「无标题」 finds the documents whose title line is empty.
    (d) => shownTitle(d.title).includes(query.trim()) && (!shown || (shown === 'mine' ? d.awaitingMySignoff : d.status === shown)),
  )

  const load = useCallback(async () => {
    try {
      const result = await api<DocumentSummary[] | { documents: DocumentSummary[] }>('GET', '/api/documents')
      setDocuments(Array.isArray(result) ? result : result.documents)
      setError(null)
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '无法加载文档列表')
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  function onCreated(document: CreatedDocument) {
    setCreating(false)
    // With an import report, show it first (the list behind it already has the document);
    // otherwise go straight to the editor.
    if (document.import) {
      setCreated(document)
      void load()
    } else navigate(`/documents/${document.id}`)
  }

  return (
    <main className="page">
      <div className="page-title-row">
        <h1 className="page-title">我的文档</h1>
        <button className="button primary" type="button" onClick={() => setCreating(true)} data-testid="new-document">新建文档</button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {documents === null && !error && <p className="muted">正在加载…</p>}
      {documents && documents.length === 0 && <p className="muted" data-testid="documents-empty">还没有文档。点击“新建文档”导入一份草稿。</p>}
      {documents && documents.length > 0 && (
        <>
          <div className="list-filters">
            <input type="search" placeholder="搜索标题" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="搜索标题" data-testid="document-search" />
            <select value={shown} onChange={(e) => setShown(e.target.value)} aria-label="按状态筛选" data-testid="document-filter">
              <option value="">全部状态</option>
              {Object.entries(statusLabels).map(([status, label]) => <option key={status} value={status}>{label}</option>)}
              <option value="mine">待我签发</option>
            </select>
          </div>
          {visible.length === 0 && <p className="muted" data-testid="documents-none-match">没有符合条件的文档。</p>}
        </>
      )}
      {visible.length > 0 && (
        <table className="table document-table" data-testid="document-list">
          <thead>
            <tr><th>标题</th><th>状态</th><th>我的角色</th><th>更新时间</th><th></th></tr>
          </thead>
          <tbody>
            {visible.map((document) => (
              <tr key={document.id} data-testid="document-row" data-document-id={document.id}>
                <td><a href={href(`/documents/${document.id}`)} data-testid="document-link">{shownTitle(document.title)}</a></td>
                <td>
                  <span className={`status-tag status-${document.status}`}>{statusLabel(document.status)}</span>
                  {document.awaitingMySignoff && <span className="status-tag awaiting-signoff" data-testid="awaiting-signoff">待我签发</span>}
                </td>
                <td>{roleLabel(document.role)}</td>
                <td className="muted" data-testid="document-updated">{document.updatedAt ? formatTime(document.updatedAt) : ''}</td>
                <td className="row-actions">
                  <button className="button link" type="button" onClick={() => setCopying(document)} data-testid="document-copy">另存为</button>
                  {/* The server decides; this only offers what it allows: owners, drafts. */}
                  {document.role === 'owner' && document.status === 'draft' && (
                    <button className="button link danger" type="button" onClick={() => setDeleting(document)} data-testid="document-delete">删除</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {copying && <CopyDocumentDialog document={copying} onClose={() => setCopying(null)} onCopied={(created) => navigate(`/documents/${created.id}`)} />}
      {deleting && (
        <DeleteDocumentDialog
          document={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null)
            void load()
          }}
        />
      )}
      {creating && <CreateDocumentForm onCancel={() => setCreating(false)} onCreated={onCreated} />}
      {created && (
        <div className="dialog-backdrop">
          <div className="dialog" role="dialog" aria-label="导入报告" data-testid="import-report-dialog">
            <h2>已创建：{created.title}</h2>
            <ImportReportView report={created.import!} />
            <div className="dialog-actions">
              <button className="button" type="button" onClick={() => setCreated(null)} data-testid="close-created">返回列表</button>
              <button className="button primary" type="button" onClick={() => navigate(`/documents/${created.id}`)} data-testid="open-created">打开文档</button>
            </div>
          </div>
        </div>
      )}
    </main>
  )
}
