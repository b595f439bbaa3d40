import { useState, type FormEvent } from 'react'
import { api } from '../api/client'
import { useAction } from '../api/useAction'

/** Names the current content as a version, so it can be found, compared and restored later. */
export function SaveVersionForm({ docId, onSaved }: { docId: string; onSaved(): void }) {
  const [name, setName] = useState('')
  const { busy, error, setError, run } = useAction('保存版本失败')

  async function submit(event: FormEvent) {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) {
      setError('请填写版本名称')
      return
    }
    await run(
      () => api('POST', `/api/documents/${encodeURIComponent(docId)}/versions`, { name: trimmed }),
      () => {
        setName('')
        onSaved()
      },
    )
  }

  return (
    <form className="save-version" onSubmit={submit}>
      <input data-testid="version-name" maxLength={100} placeholder="版本名称，如：送审前" value={name} onChange={(e) => setName(e.target.value)} />
      <button className="button" type="submit" disabled={busy} data-testid="version-save">保存当前版本</button>
      {error && <span className="form-error" role="alert">{error}</span>}
    </form>
  )
}
