import { describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { withTestServer } from '../helpers/clientPool'
import { openEventStream } from '../helpers/eventStream'
import { eventually } from '../helpers/retry'

const DRAFT = '测试通知\n\n一、基本情况\n开展学习2次。'

let server: TestServer
let owner: string
let editor: string
let outsider: string

withTestServer(
  ['owner', 'editor', 'outsider'],
  (started, tokens) => {
    server = started
    ;({ owner, editor, outsider } = tokens)
  },
)

describe('document events', () => {
  it('tells every member when the status or the members change', async () => {
    const id = await server.createDocument(owner, { text: DRAFT })
    await server.api('PUT', `/api/documents/${id}/members/editor`, { token: owner, body: { role: 'editor' } })
    const stream = await openEventStream(server, id, editor)
    try {
      expect((await server.api('POST', `/api/documents/${id}/submit`, { token: editor })).status).toBe(200)
      await eventually(() => expect(stream.kinds).toContain('status'))
      await server.api('PUT', `/api/documents/${id}/members/outsider`, { token: owner, body: { role: 'viewer' } })
      await eventually(() => expect(stream.kinds).toContain('members'))
    } finally {
      stream.close()
    }
  })

  it('refuses a stream without a valid token or to a non-member', async () => {
    const id = await server.createDocument(owner, { text: DRAFT })
    expect((await fetch(`${server.url}/api/documents/${id}/events`)).status).toBe(401)
    expect((await fetch(`${server.url}/api/documents/${id}/events?token=forged`)).status).toBe(401)
    const foreign = await fetch(`${server.url}/api/documents/${id}/events?token=${outsider}`)
    expect(foreign.status).toBe(403)
    expect((await fetch(`${server.url}/api/documents/nope/events?token=${owner}`)).status).toBe(404)
  })

  it('ends the stream of a member who is removed', async () => {
    const id = await server.createDocument(owner, { text: DRAFT })
    await server.api('PUT', `/api/documents/${id}/members/outsider`, { token: owner, body: { role: 'viewer' } })
    const stream = await openEventStream(server, id, outsider)
    expect((await server.api('DELETE', `/api/documents/${id}/members/outsider`, { token: owner })).status).toBe(200)
    await stream.ended
    expect(stream.kinds).toEqual(['members'])
  })

  it('refuses an account more streams than its connection limit (429), and accepts again once one closes', async () => {
    const limited = await startTestServer({ maxConnectionsPerUser: 2 })
    try {
      const token = await limited.user('busy')
      const id = await limited.createDocument(token, { text: DRAFT })
      const first = await openEventStream(limited, id, token)
      const second = await openEventStream(limited, id, token)
      const refused = await fetch(`${limited.url}/api/documents/${id}/events?token=${token}`)
      expect(refused.status).toBe(429)
      expect((await refused.json()).error).toContain('连接过多')
      first.close()
      await eventually(async () => {
        const again = await fetch(`${limited.url}/api/documents/${id}/events?token=${token}`)
        expect(again.status).toBe(200)
        await again.body?.cancel()
      })
      second.close()
    } finally {
      await limited.close()
    }
  })
})
