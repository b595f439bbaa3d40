import { api } from '../api/client'
import type { DocumentSummary } from '../api/types'
import { useAction } from '../api/useAction'
import { Dialog } from '../workflow/Dialog'
import { shownTitle } from '../../shared/documentTitle'

/** Asks before a draft is deleted for good, with everything that belongs to it. */
export function DeleteDocumentDialog({ document, onClose, onDeleted }: { document: DocumentSummary; onClose(): void; onDeleted(): void }) {
  const { busy, error, run } = useAction('删除失败')
  const remove = () => run(() => api('DELETE', `/api/documents/${encodeURIComponent(document.id)}`), onDeleted)

  return (
    <Dialog label="删除文档" testId="delete-document-dialog" onClose={onClose}>
      <p>确定删除《{shownTitle(document.title)}》？正文、评论、历史版本和审计记录将一并删除，所有成员都将无法再打开，且不能恢复。</p>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>取消</button>
        <button className="button primary danger" type="button" onClick={() => void remove()} disabled={busy} data-testid="delete-document-confirm">删除</button>
      </div>
    </Dialog>
  )
}
