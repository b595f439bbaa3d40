import { useEffect, useRef, type ReactNode } from 'react'

/** The app's modal: a backdrop that closes on an outside click or Escape, and a labelled dialog box. */
export function Dialog({ label, testId, wide, onClose, children }: {
  label: string
  testId?: string
  /** History and comparisons need room: a near full-width box. */
  wide?: boolean
  onClose(): void
  children: ReactNode
}) {
  const close = useRef(onClose)
  close.current = onClose
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <div className="dialog-backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div className={wide ? 'dialog dialog-wide' : 'dialog'} role="dialog" aria-label={label} data-testid={testId}>
        <h2>{label}</h2>
        {children}
      </div>
    </div>
  )
}

/** The footer of a dialog that only shows things: one button that closes it. */
export function CloseFooter({ testId, onClose }: { testId: string; onClose(): void }) {
  return (
    <div className="dialog-actions">
      <button className="button" type="button" onClick={onClose} data-testid={testId}>关闭</button>
    </div>
  )
}
