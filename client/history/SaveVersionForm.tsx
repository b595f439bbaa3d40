import { useState, type FormEvent } from 'react'
import { api } from '../api/client'
import { errorMessage } from '../workflow/format'

/** Names the current content as a version, so it can be found, compared and restored later. */
export function SaveVersionForm({ docId, onSaved }: { docId: string; onSaved(): void }) {
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) {
      setError('请填写版本名称')
      return
    }
    setBusy(true)
    setError(null)
    try {
      await api('POST', `/api/documents/${encodeURIComponent(docId)}/versions`, { name: trimmed })
      setName('')
      onSaved()
    } catch (caught) {
      setError(errorMessage(caught, '保存版本失败'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="save-version" onSubmit={submit}>
      <input data-testid="version-name" maxLength={100} placeholder="版本名称，如：送审前" value={name} onChange={(e) => setName(e.target.value)} />
      <button className="button" type="submit" disabled={busy} data-testid="version-save">保存当前版本</button>
      {error && <span className="form-error" role="alert">{error}</span>}
    </form>
  )
}
