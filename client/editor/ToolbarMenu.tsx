import { useRef, useState } from 'react'
import { useDismiss } from '../components/useDismiss'

export interface ToolbarMenuItem {
  label: string
  testId: string
  title?: string
  /** For a choice of one (对齐): whether this one holds at the caret. */
  checked?: boolean
  run(): void
}

/**
 * A toolbar button that opens a short list of commands under it, so that a group of them takes
 * one button's room. Closes on a choice, a click elsewhere or Escape (back to its button).
 */
export function ToolbarMenu({ label, title, testId, items }: { label: string; title?: string; testId: string; items: ToolbarMenuItem[] }) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLSpanElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useDismiss(open, root, (by) => {
    setOpen(false)
    if (by === 'escape') button.current?.focus()
  })

  return (
    <span className="toolbar-menu" ref={root}>
      <button ref={button} type="button" className="button toolbar-button" aria-haspopup="menu" aria-expanded={open} title={title} onClick={() => setOpen(!open)} data-testid={testId}>
        {label}<span className="toolbar-menu-arrow" aria-hidden="true">▾</span>
      </button>
      {open && (
        <span className="toolbar-menu-list" role="menu" aria-label={label}>
          {items.map((item) => (
            <button
              key={item.testId}
              type="button"
              role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
              aria-checked={item.checked}
              className="toolbar-menu-item"
              title={item.title}
              onClick={() => {
                setOpen(false)
                item.run()
              }}
              data-testid={item.testId}
            >
              {item.label}
            </button>
          ))}
        </span>
      )}
    </span>
  )
}
