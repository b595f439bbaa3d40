import { z } from 'zod'
import type { Router } from '../router'
import { readJson } from '../body'
import { sendJson } from '../respond'
import { requireUser, type AppContext } from '../context'
import { requireDocument } from '../access'
import { badRequest, forbidden, notFound } from '../errors'
import { currentSectionIds } from '../sectionIds'
import type { User } from '../../db/users'
import type { DocumentRecord } from '../../db/documents'
import {
  addComment,
  blankComment,
  createThread,
  deleteComment,
  deleteThread,
  editComment,
  getComment,
  getThread,
  listThreads,
  setResolved,
  type StoredThread,
} from '../../db/comments'
import { COMMENT_MAX_LENGTH, COMMENT_TOO_LONG, commentLength, trimComment, type Thread, type ThreadComment } from '../../../shared/api/comments'
import { newId } from '../../../shared/ids'

// Bodies are plain text: stored and returned as typed, never parsed as markup. A longer one is
// refused, never cut: nobody loses words without being told.
const commentText = z
  .string()
  .overwrite(trimComment)
  .min(1)
  .refine((text) => commentLength(text) <= COMMENT_MAX_LENGTH, COMMENT_TOO_LONG)

const threadBody = z.object({
  sectionId: z.string().min(1).max(100),
  body: commentText,
  quote: z.string().max(500).nullish(),
})
const replyBody = z.object({ body: commentText })
const resolveBody = z.object({ resolved: z.boolean() })

const ID = /^[A-Za-z0-9_-]{1,64}$/

/** The thread as the API returns it: `detached` once its section's heading is gone from the content. */
function withDetached(thread: StoredThread, sectionIds: Set<string>): Thread {
  return { ...thread, detached: !sectionIds.has(thread.sectionId) }
}

/** Owner, editor and commenter may comment; a viewer only reads. */
function requireCommenter(app: AppContext, user: User, id: string): DocumentRecord {
  const { doc, role } = requireDocument(app, user, id)
  if (role === 'viewer') throw forbidden('只读成员不能评论')
  return doc
}

function requireThread(app: AppContext, documentId: string, threadId: string): StoredThread {
  const thread = ID.test(threadId) ? getThread(app.db, documentId, threadId) : undefined
  if (!thread) throw notFound('评论不存在')
  return thread
}

/** A live (not deleted) comment of the thread written by `user`: 404 if absent, 403 for anyone else's. */
function requireOwnComment(app: AppContext, thread: StoredThread, commentId: string, user: User): ThreadComment {
  const comment = ID.test(commentId) ? getComment(app.db, thread.id, commentId) : undefined
  if (!comment || comment.deleted) throw notFound('评论不存在')
  if (comment.author.username !== user.username) throw forbidden('只能修改或删除自己的评论')
  return comment
}

export function commentRoutes(router: Router, app: AppContext): void {
  router.on('GET', '/api/documents/:id/comments', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const { doc } = requireDocument(app, user, params.id)
    const sectionIds = currentSectionIds(app, doc.id)
    sendJson(res, 200, { threads: listThreads(app.db, doc.id).map((thread) => withDetached(thread, sectionIds)) })
  })

  router.on('POST', '/api/documents/:id/comments', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    requireCommenter(app, user, params.id)
    const body = await readJson(req, threadBody)
    // Re-checked after reading the body: the role may have changed meanwhile.
    const doc = requireCommenter(app, user, params.id)
    const sectionIds = currentSectionIds(app, doc.id)
    if (!sectionIds.has(body.sectionId)) throw badRequest('该章节不存在')
    const threadId = newId()
    createThread(app.db, {
      documentId: doc.id,
      threadId,
      commentId: newId(),
      sectionId: body.sectionId,
      quote: body.quote ? body.quote : null,
      author: user.username,
      body: body.body,
      at: new Date().toISOString(),
    })
    app.events.publish(doc.id, 'comments')
    sendJson(res, 201, { thread: withDetached(requireThread(app, doc.id, threadId), sectionIds) })
  })

  router.on('POST', '/api/documents/:id/comments/:threadId/replies', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    requireCommenter(app, user, params.id)
    const body = await readJson(req, replyBody)
    const doc = requireCommenter(app, user, params.id)
    const thread = requireThread(app, doc.id, params.threadId)
    const commentId = newId()
    addComment(app.db, { documentId: doc.id, threadId: thread.id, commentId, author: user.username, body: body.body, at: new Date().toISOString() })
    app.events.publish(doc.id, 'comments')
    sendJson(res, 201, { comment: getComment(app.db, thread.id, commentId) })
  })

  router.on('PATCH', '/api/documents/:id/comments/:threadId', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    requireCommenter(app, user, params.id)
    const { resolved } = await readJson(req, resolveBody)
    const doc = requireCommenter(app, user, params.id)
    const thread = requireThread(app, doc.id, params.threadId)
    // Resolving an already resolved thread keeps who resolved it first.
    if (resolved !== thread.resolved) {
      setResolved(app.db, thread.id, resolved ? user.username : null, resolved ? new Date().toISOString() : null)
      app.events.publish(doc.id, 'comments')
    }
    sendJson(res, 200, { thread: withDetached(requireThread(app, doc.id, thread.id), currentSectionIds(app, doc.id)) })
  })

  router.on('PATCH', '/api/documents/:id/comments/:threadId/comments/:commentId', async ({ req, res, params }) => {
    const user = requireUser(app, req)
    requireDocument(app, user, params.id)
    const body = await readJson(req, replyBody)
    // Authorship, not role, decides: a member demoted to viewer may still fix their own words.
    const { doc } = requireDocument(app, user, params.id)
    const thread = requireThread(app, doc.id, params.threadId)
    const comment = requireOwnComment(app, thread, params.commentId, user)
    editComment(app.db, comment.id, body.body, new Date().toISOString())
    app.events.publish(doc.id, 'comments')
    sendJson(res, 200, { comment: getComment(app.db, thread.id, comment.id) })
  })

  router.on('DELETE', '/api/documents/:id/comments/:threadId/comments/:commentId', ({ req, res, params }) => {
    const user = requireUser(app, req)
    const { doc } = requireDocument(app, user, params.id)
    const thread = requireThread(app, doc.id, params.threadId)
    const comment = requireOwnComment(app, thread, params.commentId, user)
    const isFirst = thread.comments[0]?.id === comment.id
    if (!isFirst) deleteComment(app.db, comment.id)
    else if (thread.comments.some((c) => c.author.username !== user.username)) blankComment(app.db, comment.id)
    else deleteThread(app.db, thread.id)
    app.events.publish(doc.id, 'comments')
    sendJson(res, 200, { ok: true })
  })
}
