import { useRef, useState } from 'react'
import { useDismiss } from '../components/useDismiss'
import { fetchFile } from '../api/client'
import { errorMessage } from '../workflow/format'
import { LetterheadDialog } from './LetterheadDialog'
import { letterheadQuery, type LetterheadChoice } from './letterheadChoice'

const formats = [
  { format: 'docx', label: 'Word 文档（.docx）', hint: '按 GB/T 9704-2012 排版：A4，仿宋正文，页码' },
  { format: 'txt', label: '纯文本（.txt）', hint: '一段一行，标题带编号' },
  { format: 'md', label: 'Markdown（.md）', hint: '标题按层级' },
] as const

/** Hands the browser a file to save under `name`. */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the URL by now; keep it a little longer for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** 导出: the document as the server exports it (its current content; a locked one with its hash and sign-offs). */
export function ExportMenu({ docId, title, onError }: { docId: string; title: string; onError(message: string | null): void }) {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [askingLetterhead, setAskingLetterhead] = useState(false)
  const menu = useRef<HTMLDivElement>(null)

  useDismiss(open, menu, () => setOpen(false))

  async function exportAs(format: (typeof formats)[number]['format'], letterhead?: LetterheadChoice) {
    setOpen(false)
    setAskingLetterhead(false)
    setBusy(true)
    onError(null)
    try {
      const query = letterhead ? `&${letterheadQuery(letterhead)}` : ''
      const { blob, filename } = await fetchFile(`/api/documents/${encodeURIComponent(docId)}/export?format=${format}${query}`)
      save(blob, filename ?? `${title}.${format}`)
    } catch (caught) {
      onError(errorMessage(caught, '导出失败'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="export-menu" ref={menu}>
      <button className="button" type="button" aria-haspopup="menu" aria-expanded={open} disabled={busy} onClick={() => setOpen(!open)} data-testid="open-export">
        {busy ? '正在导出…' : '导出'}
      </button>
      {open && (
        <div className="export-menu-list" role="menu">
          {formats.map(({ format, label, hint }) => (
            <button key={format} type="button" role="menuitem" className="export-menu-item" onClick={() => void exportAs(format)} data-testid={`export-${format}`}>
              <span>{label}</span>
              <span className="muted">{hint}</span>
            </button>
          ))}
          <button type="button" role="menuitem" className="export-menu-item" onClick={() => { setOpen(false); setAskingLetterhead(true) }} data-testid="export-letterhead">
            <span>Word 文档，带版头…</span>
            <span className="muted">红色发文机关标志、发文字号和分隔线</span>
          </button>
        </div>
      )}
      {askingLetterhead && <LetterheadDialog docId={docId} onExport={(choice) => void exportAs('docx', choice)} onClose={() => setAskingLetterhead(false)} />}
    </div>
  )
}
