/** Shapes of the comments API (see the agreed workflow API). */
export interface CommentAuthor { username: string; displayName: string }

export interface ThreadComment {
  id: string
  author: CommentAuthor
  body: string
  createdAt: string
  editedAt: string | null
  /** The first comment of a thread others replied to: kept as 「此评论已删除」. */
  deleted?: boolean
}

export interface CommentThreadData {
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
