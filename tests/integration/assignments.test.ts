import { describe, expect, it } from 'vitest'
import { type TestServer } from '../helpers/server'
import { withTestServer } from '../helpers/clientPool'
import { documentWithMembers } from '../helpers/members'
import { openEventStream } from '../helpers/eventStream'
import { eventually } from '../helpers/retry'

// Passes the pre-submission check (no placeholders), so it can be submitted and locked.
const DRAFT = '测试通知\n\n一、基本情况\n开展学习2次。\n二、主要做法\n加强组织领导。'

let server: TestServer
let owner: string
let editor: string
let commenter: string
let viewer: string

const newDocument = () => documentWithMembers(server, owner, { text: DRAFT }, { editor: 'editor', commenter: 'commenter', viewer: 'viewer' })

async function sectionIds(id: string): Promise<string[]> {
  const outline = await server.api('GET', `/api/documents/${id}/outline`, { token: owner })
  return outline.body.sections.map((s: { id: string }) => s.id)
}

async function assignments(id: string, token = owner): Promise<any[]> {
  const listed = await server.api('GET', `/api/documents/${id}/assignments`, { token })
  expect(listed.status).toBe(200)
  return listed.body.assignments
}

withTestServer(
  ['owner', 'editor', 'commenter', 'viewer'],
  (started, tokens) => {
    server = started
    ;({ owner, editor, commenter, viewer } = tokens)
  },
)

describe('section assignments', () => {
  it('lets the owner assign a section to an editor or an owner, reassign it and clear it', async () => {
    const id = await newDocument()
    const [first, second] = await sectionIds(id)
    const assigned = await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: owner, body: { username: 'editor' } })
    expect(assigned.status).toBe(200)
    expect(assigned.body.assignment).toMatchObject({ sectionId: first, username: 'editor', displayName: 'editor', assignedBy: 'owner' })
    expect(typeof assigned.body.assignment.assignedAt).toBe('string')
    expect((await server.api('PUT', `/api/documents/${id}/assignments/${second}`, { token: owner, body: { username: 'owner' } })).status).toBe(200)
    // Every member reads them, the viewer included.
    expect((await assignments(id, viewer)).map((a) => [a.sectionId, a.username])).toEqual([[first, 'editor'], [second, 'owner']])

    // Reassigning replaces the assignee: one per section.
    expect((await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: owner, body: { username: 'owner' } })).status).toBe(200)
    expect((await assignments(id)).filter((a) => a.sectionId === first).map((a) => a.username)).toEqual(['owner'])

    expect((await server.api('DELETE', `/api/documents/${id}/assignments/${first}`, { token: owner })).body).toEqual({ ok: true })
    expect((await assignments(id)).map((a) => a.sectionId)).toEqual([second])
  })

  it('allows only the owner to assign or unassign (403 for an editor)', async () => {
    const id = await newDocument()
    const [first] = await sectionIds(id)
    expect((await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: editor, body: { username: 'editor' } })).status).toBe(403)
    expect((await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: commenter, body: { username: 'editor' } })).status).toBe(403)
    await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: owner, body: { username: 'editor' } })
    expect((await server.api('DELETE', `/api/documents/${id}/assignments/${first}`, { token: editor })).status).toBe(403)
    expect((await assignments(id)).map((a) => a.username)).toEqual(['editor'])
    const outsider = await server.user('outsider-assign')
    expect((await server.api('GET', `/api/documents/${id}/assignments`, { token: outsider })).status).toBe(403)
    expect((await server.api('GET', `/api/documents/nope/assignments`, { token: owner })).status).toBe(404)
  })

  it('refuses an assignee who is not an owner or editor, an unknown section and a bad body with 400', async () => {
    const id = await newDocument()
    const [first] = await sectionIds(id)
    for (const username of ['commenter', 'viewer', 'outsider-nobody']) {
      const refused = await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: owner, body: { username } })
      expect(refused.status).toBe(400)
      expect(refused.body.error).toBe('只能分配给所有者或编辑者')
    }
    const unknown = await server.api('PUT', `/api/documents/${id}/assignments/nosuchsection`, { token: owner, body: { username: 'editor' } })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toBe('该章节不存在')
    for (const body of [{}, { username: '' }, { username: 42 }, '{not json']) {
      expect((await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: owner, body })).status).toBe(400)
    }
    expect(await assignments(id)).toEqual([])
  })

  it('drops the assignments of a member who is removed, and tells open streams', async () => {
    const id = await newDocument()
    const [first, second] = await sectionIds(id)
    await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: owner, body: { username: 'editor' } })
    await server.api('PUT', `/api/documents/${id}/assignments/${second}`, { token: owner, body: { username: 'owner' } })
    const stream = await openEventStream(server, id, viewer)
    try {
      expect((await server.api('DELETE', `/api/documents/${id}/members/editor`, { token: owner })).status).toBe(200)
      await eventually(() => expect(stream.kinds).toEqual(['members', 'assignments']))
    } finally {
      stream.close()
    }
    expect((await assignments(id)).map((a) => [a.sectionId, a.username])).toEqual([[second, 'owner']])
    // Back as an editor, nothing comes back by itself.
    await server.api('PUT', `/api/documents/${id}/members/editor`, { token: owner, body: { role: 'editor' } })
    expect((await assignments(id)).map((a) => a.username)).toEqual(['owner'])
  })

  it('drops the assignments of a member demoted to commenter, keeping an owner or editor change', async () => {
    const id = await newDocument()
    const [first] = await sectionIds(id)
    await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: owner, body: { username: 'editor' } })
    await server.api('PUT', `/api/documents/${id}/members/editor`, { token: owner, body: { role: 'owner' } })
    expect((await assignments(id)).map((a) => a.username)).toEqual(['editor'])
    await server.api('PUT', `/api/documents/${id}/members/editor`, { token: owner, body: { role: 'commenter' } })
    expect(await assignments(id)).toEqual([])
  })

  it('publishes each change to open event streams', async () => {
    const id = await newDocument()
    const [first] = await sectionIds(id)
    const stream = await openEventStream(server, id, editor)
    try {
      await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: owner, body: { username: 'editor' } })
      await eventually(() => expect(stream.kinds).toEqual(['assignments']))
      await server.api('DELETE', `/api/documents/${id}/assignments/${first}`, { token: owner })
      await eventually(() => expect(stream.kinds).toEqual(['assignments', 'assignments']))
    } finally {
      stream.close()
    }
  })

  it('refuses to assign while the document is locked or signed (409)', async () => {
    const id = await newDocument()
    const [first] = await sectionIds(id)
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: owner })).status).toBe(200)
    // In review the owner may still assign.
    expect((await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: owner, body: { username: 'editor' } })).status).toBe(200)
    expect((await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: ['owner'] } })).status).toBe(200)
    const locked = await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: owner, body: { username: 'owner' } })
    expect(locked.status).toBe(409)
    expect(typeof locked.body.error).toBe('string')
    expect((await server.api('POST', `/api/documents/${id}/signoff`, { token: owner })).body.status).toBe('signed')
    expect((await server.api('PUT', `/api/documents/${id}/assignments/${first}`, { token: owner, body: { username: 'owner' } })).status).toBe(409)
    expect((await assignments(id)).map((a) => a.username)).toEqual(['editor'])
  })
})
