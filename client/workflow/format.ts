/** How workflow, history and audit screens show times and content hashes. */

/** Local date and time to the minute, e.g. 2026-11-24 20:05: the office reads its own clock. */
export function formatTime(at: string): string {
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) return at
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** The first 12 hex digits identify a version for people comparing by eye; the full hash goes in a title. */
export function shortHash(hash: string | null | undefined): string {
  return hash ? hash.slice(0, 12) : ''
}

/** The message of an API failure, already Chinese when it came from the server. */
export function errorMessage(caught: unknown, fallback = '操作失败'): string {
  return caught instanceof Error && caught.message ? caught.message : fallback
}
