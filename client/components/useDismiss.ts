import { useEffect, useRef, type RefObject } from 'react'

/**
 * While `open`, calls `close` when the pointer goes down outside `root` or Escape is pressed: how
 * the page's small menus (导出, the toolbar's table menus) give way.
 */
export function useDismiss(open: boolean, root: RefObject<HTMLElement | null>, close: (by: 'outside' | 'escape') => void): void {
  // The latest `close` without subscribing again on every render.
  const latest = useRef(close)
  latest.current = close
  useEffect(() => {
    if (!open) return
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) latest.current('outside')
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') latest.current('escape')
    }
    document.addEventListener('mousedown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('mousedown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open, root])
}
