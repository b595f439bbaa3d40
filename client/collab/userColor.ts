/** Ten colours far enough apart to tell carets apart on white paper. */
export const userColors = ['#d9480f', '#1971c2', '#2f9e44', '#9c36b5', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4', '#66a80f', '#862e9c']

/** The same user always gets the same colour, on every machine. */
export function userColor(username: string): string {
  let hash = 0
  for (const char of username) hash = (Math.imul(hash, 31) + char.codePointAt(0)!) | 0
  return userColors[Math.abs(hash) % userColors.length]
}
