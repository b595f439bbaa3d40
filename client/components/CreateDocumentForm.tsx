import { useEffect, useState, type FormEvent } from 'react'
import { api } from '../api/client'
import { FilePicker } from './FilePicker'
import type { CreatedDocument } from '../api/types'
import type { TemplateInfo } from '../../shared/api/templates'

/** Says when the title may stay empty, and why a template needs one. */
function titleLabel(fromTemplate: boolean, fromDraft: boolean): string {
  if (fromTemplate) return '标题（从模板创建时必填：模板的标题行只是示例）'
  if (fromDraft) return '标题（可不填，即用草稿中的标题；填写则替换草稿的标题行）'
  return '标题'
}

/** New document: a title plus, optionally, a draft pasted in or uploaded (.txt/.docx), or a template. */
export function CreateDocumentForm({ onCancel, onCreated }: { onCancel(): void; onCreated(document: CreatedDocument): void }) {
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [templates, setTemplates] = useState<TemplateInfo[]>([])
  const [templateId, setTemplateId] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const template = templates.find((t) => t.id === templateId)

  useEffect(() => {
    // Without the list the form still creates from text or a file.
    api<{ templates: TemplateInfo[] }>('GET', '/api/templates').then(({ templates }) => setTemplates(templates), () => {})
  }, [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      let created: CreatedDocument
      if (template) {
        created = await api<CreatedDocument>('POST', '/api/documents', { title: title.trim(), template: template.id })
      } else if (file) {
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
          <span>{titleLabel(Boolean(template), Boolean(file || text.trim()))}</span>
          <input data-testid="create-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="如：县统计局2022年工作总结" required={Boolean(template) || (!file && !text.trim())} />
        </label>
        <label className="field">
          <span>粘贴草稿正文（可选）</span>
          <textarea data-testid="create-text" rows={8} value={text} onChange={(e) => setText(e.target.value)} disabled={!!file || !!template} placeholder="第一行为标题，其后为正文" />
        </label>
        <label className="field">
          <span>或上传文件（.txt / .docx）</span>
          <FilePicker testId="create-file" file={file} onChange={setFile} disabled={!!template} accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />
        </label>
        {templates.length > 0 && (
          <label className="field">
            <span>或从模板创建</span>
            <select data-testid="create-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)} disabled={!!file || !!text.trim()}>
              <option value="">不使用模板</option>
              {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          </label>
        )}
        {template && (
          <div className="template-preview" data-testid="template-preview">
            <p>{template.description && `${template.description}。`}按【提示：…】写好各段后删去提示；提示未删完时不能提交审核。</p>
            <ol>{template.sections.map((section) => <li key={section}>{section}</li>)}</ol>
          </div>
        )}
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button className="button" type="button" onClick={onCancel}>取消</button>
          <button className="button primary" type="submit" disabled={busy} data-testid="create-submit">{busy ? '正在导入…' : '创建'}</button>
        </div>
      </form>
    </div>
  )
}
