/** Shapes of the comments API, read by the client and sent by the server. */

export interface CommentAuthor {
  username: string
  displayName: string
}

export interface ThreadComment {
  id: string
  author: CommentAuthor
  body: string
  createdAt: string
  editedAt: string | null
  /** Present (true) once the author deleted a first comment that others had replied to: shown as 「此评论已删除」. */
  deleted?: true
}

/** A thread on a section, with its comments oldest first. */
export interface Thread {
  id: string
  sectionId: string
  quote: string | null
  resolved: boolean
  resolvedBy: string | null
  resolvedAt: string | null
  /** The section's heading no longer exists in the current content. */
  detached: boolean
  createdAt: string
  comments: ThreadComment[]
}

/** The most characters (code points, as a reader counts 字) a comment may hold once trimmed. */
export const COMMENT_MAX_LENGTH = 2000
export const COMMENT_TOO_LONG = `评论最多 ${COMMENT_MAX_LENGTH} 个字`

/**
 * What shows nothing at a comment's ends: whitespace (`\s` has the ideographic space U+3000 and the
 * BOM), soft hyphen, zero-width and direction marks, word joiners, Hangul fillers. Variation
 * selectors are not among them: one ends an emoji (❤️).
 */
const INVISIBLE = /[\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\uffa0]/

/**
 * A comment's text without the invisible characters at its ends, so that one made only of them is
 * empty. Char by char rather than `/[…]+$/`, which takes quadratic time on a long run of them.
 */
export function trimComment(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && INVISIBLE.test(text[start])) start += 1
  while (end > start && INVISIBLE.test(text[end - 1])) end -= 1
  return text.slice(start, end)
}

export function commentLength(text: string): number {
  return [...text].length
}
