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
