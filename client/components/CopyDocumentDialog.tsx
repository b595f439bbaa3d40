import { useState, type FormEvent } from 'react'
import { api } from '../api/client'
import type { CreatedDocument, DocumentSummary } from '../api/types'
import { useAction } from '../api/useAction'
import { Dialog } from '../workflow/Dialog'
import { shownTitle } from '../../shared/documentTitle'

/** 另存为: a new draft of the caller's from a document's current text, optionally with every placeholder open again. */
export function CopyDocumentDialog({ document, onClose, onCopied }: { document: DocumentSummary; onClose(): void; onCopied(created: CreatedDocument): void }) {
  const [title, setTitle] = useState(`${shownTitle(document.title)}（副本）`)
  const [unfill, setUnfill] = useState(false)
  const { busy, error, run } = useAction('另存失败')

  function submit(event: FormEvent) {
    event.preventDefault()
    void run(async () => {
      onCopied(await api<CreatedDocument>('POST', `/api/documents/${encodeURIComponent(document.id)}/copy`, { title: title.trim(), unfill }))
    })
  }

  return (
    <Dialog label="另存为新文档" testId="copy-document-dialog" onClose={onClose}>
      <form onSubmit={submit} id="copy-document-form">
        <p>以《{shownTitle(document.title)}》的当前内容新建一份草稿，由您作为所有者；原文档的成员、评论和历史不随之复制。</p>
        <label className="field">
          <span>新文档标题</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} data-testid="copy-title" />
        </label>
        <label className="checkbox-field">
          <input type="checkbox" checked={unfill} onChange={(e) => setUnfill(e.target.checked)} data-testid="copy-unfill" />
          <span>清空已填写的待填项（保留结构和正文，作为新一期的起点）</span>
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
      </form>
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>取消</button>
        <button className="button primary" type="submit" form="copy-document-form" disabled={busy} data-testid="copy-submit">另存为</button>
      </div>
    </Dialog>
  )
}
