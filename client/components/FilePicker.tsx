import { useEffect, useRef } from 'react'

/**
 * A file input with a Chinese button and file name: the browser's own input words both in the
 * browser's language ("Choose File", "No file chosen"). The input stays in the page, hidden from
 * sight only, so the keyboard reaches it and the surrounding label opens it.
 */
export function FilePicker({ accept, disabled, file, onChange, testId }: {
  accept: string
  disabled?: boolean
  file: File | null
  onChange(file: File | null): void
  testId: string
}) {
  const input = useRef<HTMLInputElement>(null)
  // Once the form lets go of the file, the same file can be chosen again.
  useEffect(() => {
    if (!file && input.current) input.current.value = ''
  }, [file])
  return (
    <span className="file-picker">
      <input ref={input} className="file-picker-input" data-testid={testId} type="file" accept={accept} disabled={disabled} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
      <span className={`button${disabled ? ' disabled' : ''}`} aria-hidden="true">选择文件</span>
      <span className="file-picker-name" data-testid={`${testId}-name`}>{file ? file.name : '未选择文件'}</span>
      {file && <button className="button link" type="button" onClick={(e) => { e.preventDefault(); onChange(null) }} data-testid={`${testId}-clear`}>移除</button>}
    </span>
  )
}
