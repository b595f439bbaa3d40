import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendParagraph, type TestServer } from '../helpers/server'
import { ClientPool, synced, withTestServer } from '../helpers/clientPool'
import { documentWithMembers } from '../helpers/members'
import { openEventStream } from '../helpers/eventStream'
import { eventually } from '../helpers/retry'

const DRAFT = '测试通知\n\n一、基本情况\n开展学习2次。\n二、主要做法\n加强组织领导。\n三、下步打算\n继续巩固成果。'

let server: TestServer
let owner: string
let editor: string
let commenter: string
let viewer: string
const clients = new ClientPool(() => server)

const newDocument = () => documentWithMembers(server, owner, { text: DRAFT }, { editor: 'editor', commenter: 'commenter', viewer: 'viewer' })

/** The outline's sections: id, number and heading text. */
async function sections(id: string): Promise<{ id: string; number: string; heading: string }[]> {
  const outline = await server.api('GET', `/api/documents/${id}/outline`, { token: owner })
  expect(outline.status).toBe(200)
  return outline.body.sections.map((s: { id: string; number: string; heading: string }) => ({ id: s.id, number: s.number, heading: s.heading }))
}

async function sectionId(id: string, heading: string): Promise<string> {
  const found = (await sections(id)).find((s) => s.heading === heading)
  if (!found) throw new Error(`no section ${heading}`)
  return found.id
}

async function threads(id: string, token = owner): Promise<any[]> {
  const listed = await server.api('GET', `/api/documents/${id}/comments`, { token })
  expect(listed.status).toBe(200)
  return listed.body.threads
}

/** The top-level blocks of a section: its heading and its body up to the next heading. */
function sectionBlocks(fragment: Y.XmlFragment, headingId: string): { start: number; blocks: Y.XmlElement[] } {
  const all = fragment.toArray() as Y.XmlElement[]
  const start = all.findIndex((node) => node.nodeName === 'sectionHeading' && node.getAttribute('id') === headingId)
  if (start < 0) throw new Error(`no heading ${headingId}`)
  let end = start + 1
  while (end < all.length && all[end].nodeName !== 'sectionHeading') end++
  return { start, blocks: all.slice(start, end) }
}

withTestServer(
  ['owner', 'editor', 'commenter', 'viewer'],
  (started, tokens) => {
    server = started
    ;({ owner, editor, commenter, viewer } = tokens)
  },
  clients,
)

describe('comments', () => {
  it('lets a commenter comment, reply and resolve while their content updates are dropped', async () => {
    const id = await newDocument()
    const section = await sectionId(id, '主要做法')
    const writer = clients.connect(id, owner)
    const reader = clients.connect(id, commenter)
    await synced(writer, reader)

    appendParagraph(reader.doc, '评论者不该改动正文')
    // Messages of one socket are handled in order: once the commenter's later awareness
    // reached the owner, its content update has been handled (and dropped).
    // (A field of its own: the server stamps `user` with the account, whatever the client sends.)
    reader.provider.awareness.setLocalStateField('barrier', true)
    await eventually(() => expect(writer.provider.awareness.getStates().get(reader.doc.clientID)?.barrier).toBe(true))

    const created = await server.api('POST', `/api/documents/${id}/comments`, {
      token: commenter,
      body: { sectionId: section, body: '  建议补充具体数据。  ', quote: '加强组织领导' },
    })
    expect(created.status).toBe(201)
    const thread = created.body.thread
    expect(thread).toMatchObject({ sectionId: section, quote: '加强组织领导', resolved: false, resolvedBy: null, resolvedAt: null, detached: false })
    expect(thread.comments).toHaveLength(1)
    expect(thread.comments[0]).toMatchObject({ author: { username: 'commenter', displayName: 'commenter' }, body: '建议补充具体数据。', editedAt: null })

    const reply = await server.api('POST', `/api/documents/${id}/comments/${thread.id}/replies`, { token: editor, body: { body: '已补充。' } })
    expect(reply.status).toBe(201)
    expect(reply.body.comment).toMatchObject({ author: { username: 'editor' }, body: '已补充。' })
    const commenterReply = await server.api('POST', `/api/documents/${id}/comments/${thread.id}/replies`, { token: commenter, body: { body: '好的。' } })
    expect(commenterReply.status).toBe(201)

    const resolved = await server.api('PATCH', `/api/documents/${id}/comments/${thread.id}`, { token: commenter, body: { resolved: true } })
    expect(resolved.status).toBe(200)
    expect(resolved.body.thread).toMatchObject({ resolved: true, resolvedBy: 'commenter' })
    expect(typeof resolved.body.thread.resolvedAt).toBe('string')
    const reopened = await server.api('PATCH', `/api/documents/${id}/comments/${thread.id}`, { token: editor, body: { resolved: false } })
    expect(reopened.body.thread).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null })

    // The content: the owner's later edit arrives everywhere, the commenter's never.
    appendParagraph(writer.doc, '所有者的修改')
    await eventually(() => expect(reader.text()).toContain('所有者的修改'))
    const late = clients.connect(id, editor)
    await synced(late)
    expect(late.text()).toContain('所有者的修改')
    expect(late.text()).not.toContain('评论者不该改动正文')
    const exported = await server.api('GET', `/api/documents/${id}/export?format=json`, { token: owner })
    expect(JSON.stringify(exported.body)).toContain('所有者的修改')
    expect(JSON.stringify(exported.body)).not.toContain('评论者不该改动正文')

    const listed = await threads(id, viewer)
    expect(listed).toHaveLength(1)
    expect(listed[0].comments.map((c: { body: string }) => c.body)).toEqual(['建议补充具体数据。', '已补充。', '好的。'])
  })

  it('refuses a viewer (403) and a non-member (403), and an unknown document (404)', async () => {
    const id = await newDocument()
    const section = await sectionId(id, '基本情况')
    const outsider = await server.user('outsider-comments')
    expect((await server.api('POST', `/api/documents/${id}/comments`, { token: viewer, body: { sectionId: section, body: '看看' } })).status).toBe(403)
    expect((await server.api('GET', `/api/documents/${id}/comments`, { token: outsider })).status).toBe(403)
    expect((await server.api('GET', `/api/documents/nope/comments`, { token: owner })).status).toBe(404)
    const created = await server.api('POST', `/api/documents/${id}/comments`, { token: owner, body: { sectionId: section, body: '第一条' } })
    const threadId = created.body.thread.id
    expect((await server.api('POST', `/api/documents/${id}/comments/${threadId}/replies`, { token: viewer, body: { body: '回复' } })).status).toBe(403)
    expect((await server.api('PATCH', `/api/documents/${id}/comments/${threadId}`, { token: viewer, body: { resolved: true } })).status).toBe(403)
    expect(await threads(id)).toHaveLength(1)
  })

  it('lets only the author edit or delete a comment', async () => {
    const id = await newDocument()
    const section = await sectionId(id, '基本情况')
    const created = await server.api('POST', `/api/documents/${id}/comments`, { token: commenter, body: { sectionId: section, body: '原文' } })
    const thread = created.body.thread
    const commentId = thread.comments[0].id
    const path = `/api/documents/${id}/comments/${thread.id}/comments/${commentId}`

    for (const token of [owner, editor, viewer]) {
      expect((await server.api('PATCH', path, { token, body: { body: '改写' } })).status).toBe(403)
      expect((await server.api('DELETE', path, { token })).status).toBe(403)
    }
    const edited = await server.api('PATCH', path, { token: commenter, body: { body: '修改后' } })
    expect(edited.status).toBe(200)
    expect(edited.body.comment.body).toBe('修改后')
    expect(typeof edited.body.comment.editedAt).toBe('string')
    expect((await threads(id))[0].comments[0].body).toBe('修改后')

    // Only the author's own replies: deleting the first comment deletes the thread.
    await server.api('POST', `/api/documents/${id}/comments/${thread.id}/replies`, { token: commenter, body: { body: '补充' } })
    expect((await server.api('DELETE', path, { token: commenter })).body).toEqual({ ok: true })
    expect(await threads(id)).toEqual([])
  })

  it('keeps a thread others replied to when its first comment is deleted, and deletes a reply outright', async () => {
    const id = await newDocument()
    const section = await sectionId(id, '基本情况')
    const thread = (await server.api('POST', `/api/documents/${id}/comments`, { token: commenter, body: { sectionId: section, body: '问题' } })).body.thread
    const reply = (await server.api('POST', `/api/documents/${id}/comments/${thread.id}/replies`, { token: editor, body: { body: '回答' } })).body.comment
    const second = (await server.api('POST', `/api/documents/${id}/comments/${thread.id}/replies`, { token: editor, body: { body: '再补一句' } })).body.comment

    expect((await server.api('DELETE', `/api/documents/${id}/comments/${thread.id}/comments/${thread.comments[0].id}`, { token: commenter })).status).toBe(200)
    expect((await server.api('DELETE', `/api/documents/${id}/comments/${thread.id}/comments/${second.id}`, { token: editor })).status).toBe(200)
    const [kept] = await threads(id)
    expect(kept.comments).toHaveLength(2)
    expect(kept.comments[0]).toMatchObject({ id: thread.comments[0].id, body: '', deleted: true })
    expect(kept.comments[1]).toMatchObject({ id: reply.id, body: '回答' })
    expect(kept.comments[1].deleted).toBeUndefined()
    // A deleted comment can no longer be edited.
    expect((await server.api('PATCH', `/api/documents/${id}/comments/${thread.id}/comments/${thread.comments[0].id}`, { token: commenter, body: { body: '复活' } })).status).toBe(404)
  })

  it('stores and returns comment text as plain text, markup included', async () => {
    const id = await newDocument()
    const section = await sectionId(id, '基本情况')
    const text = '<img src=x onerror="alert(1)"> & <b>加粗</b>'
    const created = await server.api('POST', `/api/documents/${id}/comments`, { token: owner, body: { sectionId: section, body: text } })
    expect(created.body.thread.comments[0].body).toBe(text)
    expect((await threads(id))[0].comments[0].body).toBe(text)
  })

  it('refuses a comment, reply or edit over 2000 characters instead of cutting it, and one of invisible characters only as empty', async () => {
    const id = await newDocument()
    const section = await sectionId(id, '基本情况')
    const base = `/api/documents/${id}/comments`
    const long = '长'.repeat(2500)
    const tooLong = { status: 400, body: { error: '请求内容无效（内容）：评论最多 2000 个字' } }
    expect(await server.api('POST', base, { token: commenter, body: { sectionId: section, body: long } })).toMatchObject(tooLong)
    // Characters are counted as a reader counts them: an emoji outside the BMP is one, not two.
    const emoji = '👍'.repeat(2000)
    const created = await server.api('POST', base, { token: commenter, body: { sectionId: section, body: ` ${emoji}\u200b` } })
    expect(created.status).toBe(201)
    const thread = created.body.thread
    expect(thread.comments[0].body).toBe(emoji)
    expect(await server.api('POST', `${base}/${thread.id}/replies`, { token: owner, body: { body: long } })).toMatchObject(tooLong)
    expect(await server.api('PATCH', `${base}/${thread.id}/comments/${thread.comments[0].id}`, { token: commenter, body: { body: `${emoji}！` } })).toMatchObject(tooLong)

    const empty = { status: 400, body: { error: '请求内容无效（内容）：不能为空' } }
    for (const invisible of ['\u200b\u3000', '\ufeff', ' \u200b\u200c\u200d\u2060\u3000\n', '\u00ad\u200e']) {
      expect(await server.api('POST', base, { token: commenter, body: { sectionId: section, body: invisible } }), JSON.stringify(invisible)).toMatchObject(empty)
      expect(await server.api('POST', `${base}/${thread.id}/replies`, { token: owner, body: { body: invisible } })).toMatchObject(empty)
      expect(await server.api('PATCH', `${base}/${thread.id}/comments/${thread.comments[0].id}`, { token: commenter, body: { body: invisible } })).toMatchObject(empty)
    }
    // Trimmed at the ends only: what is between stays as typed.
    const reply = await server.api('POST', `${base}/${thread.id}/replies`, { token: owner, body: { body: '\u200b\u3000同意\u3000这样改\u200b\ufeff' } })
    expect(reply.body.comment.body).toBe('同意\u3000这样改')
    const [stored] = await threads(id)
    expect(stored.comments.map((c: { body: string }) => c.body)).toEqual([emoji, '同意\u3000这样改'])
  })

  it('refuses bad bodies with 400 and unknown threads with 404', async () => {
    const id = await newDocument()
    const section = await sectionId(id, '基本情况')
    const bad: unknown[] = [
      undefined,
      {},
      { sectionId: section },
      { sectionId: section, body: '' },
      { sectionId: section, body: '   ' },
      { sectionId: section, body: '长'.repeat(2001) },
      { sectionId: section, body: 42 },
      { sectionId: 7, body: '内容' },
      { sectionId: section, body: '内容', quote: '引'.repeat(501) },
      { sectionId: section, body: '内容', quote: 3 },
      '{not json',
    ]
    for (const body of bad) {
      const response = await server.api('POST', `/api/documents/${id}/comments`, { token: owner, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(typeof response.body.error).toBe('string')
    }
    const unknownSection = await server.api('POST', `/api/documents/${id}/comments`, { token: owner, body: { sectionId: 'nosuchsection', body: '内容' } })
    expect(unknownSection.status).toBe(400)
    expect(unknownSection.body.error).toBe('该章节不存在')
    expect((await server.api('POST', `/api/documents/${id}/comments`, { token: owner, body: { sectionId: section, body: '长'.repeat(2000) } })).status).toBe(201)

    const thread = (await threads(id))[0]
    expect((await server.api('POST', `/api/documents/${id}/comments/${thread.id}/replies`, { token: owner, body: { body: '' } })).status).toBe(400)
    expect((await server.api('PATCH', `/api/documents/${id}/comments/${thread.id}`, { token: owner, body: { resolved: 'yes' } })).status).toBe(400)
    expect((await server.api('PATCH', `/api/documents/${id}/comments/${thread.id}/comments/${thread.comments[0].id}`, { token: owner, body: { body: null } })).status).toBe(400)

    expect((await server.api('POST', `/api/documents/${id}/comments/nosuchthread/replies`, { token: owner, body: { body: '回复' } })).status).toBe(404)
    expect((await server.api('PATCH', `/api/documents/${id}/comments/nosuchthread`, { token: owner, body: { resolved: true } })).status).toBe(404)
    expect((await server.api('DELETE', `/api/documents/${id}/comments/${thread.id}/comments/nosuchcomment`, { token: owner })).status).toBe(404)
    // A thread of another document is unknown here.
    const other = await newDocument()
    expect((await server.api('POST', `/api/documents/${other}/comments/${thread.id}/replies`, { token: owner, body: { body: '回复' } })).status).toBe(404)
  })

  it('keeps a thread on its section when the section moves and is renumbered, and detaches it when the section is deleted', async () => {
    const id = await newDocument()
    const [first, second, third] = await sections(id)
    expect([first.number, second.number, third.number]).toEqual(['一、', '二、', '三、'])
    const thread = (await server.api('POST', `/api/documents/${id}/comments`, { token: commenter, body: { sectionId: second.id, body: '这一节要改' } })).body.thread

    const editorClient = clients.connect(id, editor)
    await synced(editorClient)
    const fragment = editorClient.doc.getXmlFragment('default')

    // Move 主要做法 after 下步打算: heading and body are re-inserted as copies, as an editor's drag does.
    editorClient.doc.transact(() => {
      const moving = sectionBlocks(fragment, second.id)
      const copies = moving.blocks.map((block) => block.clone())
      fragment.delete(moving.start, moving.blocks.length)
      const target = sectionBlocks(fragment, third.id)
      fragment.insert(target.start + target.blocks.length, copies)
    })
    await eventually(async () => {
      expect((await sections(id)).map((s) => [s.id, s.number])).toEqual([[first.id, '一、'], [third.id, '二、'], [second.id, '三、']])
    })
    let [listed] = await threads(id)
    expect(listed).toMatchObject({ id: thread.id, sectionId: second.id, detached: false })

    // Delete the earlier sibling 基本情况: the commented section is renumbered 二、.
    editorClient.doc.transact(() => {
      const removed = sectionBlocks(fragment, first.id)
      fragment.delete(removed.start, removed.blocks.length)
    })
    await eventually(async () => {
      expect((await sections(id)).map((s) => [s.id, s.number])).toEqual([[third.id, '一、'], [second.id, '二、']])
    })
    ;[listed] = await threads(id)
    expect(listed).toMatchObject({ id: thread.id, sectionId: second.id, detached: false })

    // Delete the commented section itself: the thread stays listed, detached, and can still be answered.
    editorClient.doc.transact(() => {
      const removed = sectionBlocks(fragment, second.id)
      fragment.delete(removed.start, removed.blocks.length)
    })
    await eventually(async () => expect((await sections(id)).map((s) => s.id)).toEqual([third.id]))
    ;[listed] = await threads(id)
    expect(listed).toMatchObject({ id: thread.id, sectionId: second.id, detached: true })
    expect(listed.comments[0].body).toBe('这一节要改')
    expect((await server.api('POST', `/api/documents/${id}/comments/${thread.id}/replies`, { token: editor, body: { body: '已删除此节' } })).status).toBe(201)
    // New threads need a section that exists.
    expect((await server.api('POST', `/api/documents/${id}/comments`, { token: commenter, body: { sectionId: second.id, body: '再评' } })).status).toBe(400)
  })

  it('tells an open event stream about a new comment', async () => {
    const id = await newDocument()
    const section = await sectionId(id, '基本情况')
    const stream = await openEventStream(server, id, viewer)
    try {
      expect((await server.api('POST', `/api/documents/${id}/comments`, { token: commenter, body: { sectionId: section, body: '请注意' } })).status).toBe(201)
      await eventually(() => expect(stream.kinds).toContain('comments'))
    } finally {
      stream.close()
    }
  })

  it('accepts comments on a locked document', async () => {
    const id = await server.createDocument(owner, { text: '测试通知\n\n一、基本情况\n开展学习2次。' })
    await server.api('PUT', `/api/documents/${id}/members/commenter`, { token: owner, body: { role: 'commenter' } })
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: owner })).status).toBe(200)
    expect((await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: ['owner'] } })).status).toBe(200)
    const section = await sectionId(id, '基本情况')
    expect((await server.api('POST', `/api/documents/${id}/comments`, { token: commenter, body: { sectionId: section, body: '定稿后的意见' } })).status).toBe(201)
  })
})
