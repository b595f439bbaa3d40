import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { api } from '../api/client'
import type { TemplateInfo } from '../../shared/api/templates'
import { errorMessage } from '../workflow/format'
import { FilePicker } from '../components/FilePicker'

const EXAMPLE = '××局会议纪要\n【提示：写明会议时间、地点和主持人。】\n一、会议议定事项\n（一）【提示：议定事项】。本次会议共议定**项。\n二、参会人员\n**同志、**同志。'

/** 模板管理 (administrators): the built-in templates, and the office's own to add or delete. */
export function AdminTemplatesPage() {
  const [templates, setTemplates] = useState<TemplateInfo[]>([])
  const [form, setForm] = useState({ name: '', description: '', text: '' })
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [file, setFile] = useState<File | null>(null)

  const load = useCallback(async () => {
    try {
      setTemplates((await api<{ templates: TemplateInfo[] }>('GET', '/api/templates')).templates)
    } catch (caught) {
      setError(errorMessage(caught, '无法加载模板'))
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  async function run(action: () => Promise<string>) {
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      setNotice(await action())
      await load()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  function add(event: FormEvent) {
    event.preventDefault()
    void run(async () => {
      await api('POST', '/api/templates', { name: form.name.trim(), description: form.description.trim(), text: form.text })
      setForm({ name: '', description: '', text: '' })
      setFile(null)
      return `已添加模板「${form.name.trim()}」`
    })
  }

  function readFile(chosen: File | null) {
    setFile(chosen)
    void chosen?.text().then((text) => setForm((f) => ({ ...f, text })))
  }

  const remove = (template: TemplateInfo) =>
    void run(async () => {
      await api('DELETE', `/api/templates/${encodeURIComponent(template.id)}`)
      setConfirming(null)
      return `已删除模板「${template.name}」，用它创建的文档不受影响`
    })

  return (
    <main className="page">
      <h1 className="page-title">模板管理</h1>
      <table className="table template-table" data-testid="template-list">
        <thead><tr><th>名称</th><th>说明</th><th>一级标题</th><th>来源</th><th></th></tr></thead>
        <tbody>
          {templates.map((template) => (
            <tr key={template.id} data-testid="template-row">
              <td>{template.name}</td>
              <td className="muted">{template.description}</td>
              <td className="muted">{template.sections.join('　')}</td>
              <td>{template.builtIn ? '内置' : '本单位'}</td>
              <td>
                {!template.builtIn && (confirming === template.id ? (
                  <>
                    <button className="button link danger" type="button" disabled={busy} onClick={() => remove(template)} data-testid="template-delete-confirm">确定删除</button>
                    <button className="button link" type="button" onClick={() => setConfirming(null)}>取消</button>
                  </>
                ) : (
                  <button className="button link danger" type="button" onClick={() => setConfirming(template.id)} data-testid="template-delete">删除</button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="page-subtitle">添加本单位的模板</h2>
      <form onSubmit={add} data-testid="template-form">
        <label className="field"><span>名称</span><input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} maxLength={40} required data-testid="template-name" /></label>
        <label className="field"><span>说明（可选）</span><input value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} maxLength={200} data-testid="template-description" /></label>
        <label className="field">
          <span>正文：第一行为示例标题，其后按“一、”“（一）”分节；待填的数字或名称写作 **，写作提示写作【提示：……】</span>
          <textarea rows={10} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} placeholder={EXAMPLE} required data-testid="template-text" />
        </label>
        <label className="field">
          <span>或读入 .txt 文件</span>
          <FilePicker testId="template-file" file={file} onChange={readFile} accept=".txt,text/plain" />
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
        {notice && <p className="form-notice" role="status">{notice}</p>}
        <button className="button primary" type="submit" disabled={busy} data-testid="template-submit">添加模板</button>
      </form>
    </main>
  )
}
