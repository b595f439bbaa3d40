import { useState, type FormEvent } from 'react'
import { api } from '../api/client'
import type { CreatedDocument } from '../api/types'

/** New document: a title plus, optionally, a draft pasted in or uploaded (.txt/.docx). */
export function CreateDocumentForm({ onCancel, onCreated }: { onCancel(): void; onCreated(document: CreatedDocument): void }) {
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      let created: CreatedDocument
      if (file) {
        const form = new FormData()
        form.append('title', title.trim())
        form.append('file', file)
        created = await api<CreatedDocument>('POST', '/api/documents', form)
      } else {
        created = await api<CreatedDocument>('POST', '/api/documents', text.trim() ? { title: title.trim(), text } : { title: title.trim() })
      }
      onCreated(created)
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '创建失败')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="dialog-backdrop">
      <form className="dialog" onSubmit={submit} data-testid="create-document-form" aria-label="新建文档">
        <h2>新建文档</h2>
        <label className="field">
          <span>标题</span>
          <input data-testid="create-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="如：县统计局2022年工作总结" required={!file && !text.trim()} />
        </label>
        <label className="field">
          <span>粘贴草稿正文（可选）</span>
          <textarea data-testid="create-text" rows={8} value={text} onChange={(e) => setText(e.target.value)} disabled={!!file} placeholder="第一行为标题，其后为正文" />
        </label>
        <label className="field">
          <span>或上传文件（.txt / .docx）</span>
          <input data-testid="create-file" type="file" accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button className="button" type="button" onClick={onCancel}>取消</button>
          <button className="button primary" type="submit" disabled={busy} data-testid="create-submit">{busy ? '正在导入…' : '创建'}</button>
        </div>
      </form>
    </div>
  )
}
