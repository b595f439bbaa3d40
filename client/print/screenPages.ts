import { useEffect, useState, type RefObject } from 'react'
import { MARGIN_MM, PAGE } from '../../shared/layout/gbt9704'

/**
 * The print view on screen shows the pages one below the other, broken where the printout breaks
 * them: the text flows through a multi-column box of one column per row (`column-height`,
 * `column-wrap`), each column a text area, so the browser's own fragmentation places every break
 * (lines, widows, a heading kept with its text, a table row), as it does for the printed pages.
 * A browser without column wrapping shows one long sheet.
 */

/** The grey between two sheets. */
export const SHEET_GAP_MM = 8
/** From one sheet's top to the next's. */
export const PAGE_STEP_MM = PAGE.heightMm + SHEET_GAP_MM
/** From one text area's bottom to the next's top: the bottom margin, the gap, the top margin. */
export const ROW_GAP_MM = MARGIN_MM.bottom + SHEET_GAP_MM + MARGIN_MM.top

const PX_PER_MM = 96 / 25.4

export function screenPagingSupported(): boolean {
  return typeof CSS !== 'undefined' && CSS.supports('column-wrap', 'wrap') && CSS.supports('column-height', '1mm')
}

/** The number of text areas the paged box of this height holds (n areas and n − 1 gaps). */
export function pagesOfHeight(heightPx: number): number {
  return Math.max(1, Math.round((heightPx / PX_PER_MM + ROW_GAP_MM) / PAGE_STEP_MM))
}

/** The page count of the paged box, followed as fonts load and content changes; null while unpaged. */
export function useScreenPages(box: RefObject<HTMLElement | null>, paged: boolean): number | null {
  const [pages, setPages] = useState<number | null>(null)
  useEffect(() => {
    const element = box.current
    if (!paged || !element) return
    const measure = () => setPages(pagesOfHeight(element.getBoundingClientRect().height))
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    measure()
    return () => observer.disconnect()
  }, [box, paged])
  return paged ? pages : null
}
