import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, connectClient, startTestServer, type TestServer } from '../helpers/server'
import { eventually } from '../helpers/retry'
import { openEventStream } from '../helpers/eventStream'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

describe('signing in', () => {
  it('answers the health check', async () => {
    const response = await server.api('GET', '/healthz')
    expect(response).toMatchObject({ status: 200, body: { ok: true } })
  })

  it('signs in with the right password and returns the user', async () => {
    const response = await server.api('POST', '/api/login', { body: { username: 'admin', password: ADMIN_PASSWORD } })
    expect(response.status).toBe(200)
    expect(response.body.token).toMatch(/^[\w-]{40,}$/)
    expect(response.body.user).toEqual({ username: 'admin', displayName: '管理员', admin: true })
  })

  it('refuses a wrong password with 401', async () => {
    const response = await server.api('POST', '/api/login', { body: { username: 'admin', password: 'wrong-password' } })
    expect(response.status).toBe(401)
    expect(typeof response.body.error).toBe('string')
  })

  it('refuses an unknown user with 401', async () => {
    const response = await server.api('POST', '/api/login', { body: { username: 'nobody', password: 'whatever1' } })
    expect(response.status).toBe(401)
  })

  it('requires a token on API calls', async () => {
    expect((await server.api('GET', '/api/me')).status).toBe(401)
    expect((await server.api('GET', '/api/documents', { token: 'not-a-token' })).status).toBe(401)
  })

  it('ends a session on logout', async () => {
    const token = await server.user('leaver')
    expect((await server.api('GET', '/api/me', { token })).body.user.username).toBe('leaver')
    expect((await server.api('POST', '/api/logout', { token })).status).toBe(200)
    expect((await server.api('GET', '/api/me', { token })).status).toBe(401)
  })
})

describe('accounts', () => {
  it('lets only an administrator create accounts', async () => {
    const token = await server.user('plain')
    const refused = await server.api('POST', '/api/users', { token, body: { username: 'other', password: 'password1' } })
    expect(refused.status).toBe(403)
    const created = await server.api('POST', '/api/users', {
      token: server.adminToken,
      body: { username: 'other', password: 'password1', displayName: '王科长' },
    })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ username: 'other', displayName: '王科长', admin: false })
    const duplicate = await server.api('POST', '/api/users', { token: server.adminToken, body: { username: 'other', password: 'password1' } })
    expect(duplicate).toMatchObject({ status: 409, body: { error: '用户名已存在' } })
    // The same name in other capitals would be a second 'other' in every member and signer list.
    const lookalike = await server.api('POST', '/api/users', { token: server.adminToken, body: { username: 'Other', password: 'password1' } })
    expect(lookalike).toMatchObject({ status: 409, body: { error: '用户名已存在：other（用户名不区分大小写）' } })
  })

  it('lists accounts for any signed-in user without password hashes', async () => {
    const token = await server.user('lister')
    const response = await server.api('GET', '/api/users', { token })
    expect(response.status).toBe(200)
    expect(response.body).toContainEqual({ username: 'lister', displayName: 'lister', admin: false, disabled: false })
    expect(JSON.stringify(response.body)).not.toContain('scrypt')
  })
})

describe('malformed requests', () => {
  const malformed = ['{not json', '[]', '{"username": 5}', '{}', 'null']

  it('rejects malformed bodies on every endpoint with 400 and an error message', async () => {
    const documentId = await server.createDocument(server.adminToken, { title: '测试文档' })
    await server.user('member')
    const endpoints: [string, string][] = [
      ['POST', '/api/login'],
      ['POST', '/api/users'],
      ['POST', '/api/documents'],
      ['PUT', `/api/documents/${documentId}/members/member`],
      ['PATCH', '/api/users/member'],
      ['POST', '/api/users/member/handover'],
    ]
    for (const [method, path] of endpoints) {
      for (const body of malformed) {
        const response = await server.api(method, path, { token: server.adminToken, body, headers: { 'Content-Type': 'application/json' } })
        expect(response.status, `${method} ${path} ${body}`).toBe(400)
        expect(typeof response.body.error, `${method} ${path} ${body}`).toBe('string')
      }
    }
  })

  it('refuses an oversized body with 413', async () => {
    const response = await server.api('POST', '/api/login', { body: { username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) } })
    expect(response.status).toBe(413)
  })

  it('answers an unknown API path with a JSON 404', async () => {
    const response = await server.api('GET', '/api/nothing-here', { token: server.adminToken })
    expect(response.status).toBe(404)
    expect(typeof response.body.error).toBe('string')
  })

  it('sends the security headers', async () => {
    const response = await server.api('GET', '/healthz')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('passwords', () => {
  const login = (username: string, password: string) => server.api('POST', '/api/login', { body: { username, password } })

  it('lets a user change their own password, which ends their other sessions and closes those editors', async () => {
    const here = await server.user('chen', 'chen-old-pw')
    const elsewhere = (await login('chen', 'chen-old-pw')).body.token
    const id = await server.createDocument(here, { title: '通知' })
    const mine = connectClient(server, id, here)
    const theirs = connectClient(server, id, elsewhere)
    await eventually(() => expect(mine.provider.synced && theirs.provider.synced).toBe(true))
    const myStream = await openEventStream(server, id, here)
    const theirStream = await openEventStream(server, id, elsewhere)

    const change = (current: unknown, password: unknown) => server.api('POST', '/api/me/password', { token: here, body: { current, password } })
    expect(await change('wrong-pw', 'chen-new-pw')).toMatchObject({ status: 400, body: { error: '当前密码不正确' } })
    expect(await change('chen-old-pw', 'short')).toMatchObject({ status: 400, body: { error: '请求内容无效（密码）：密码至少 8 个字符' } })
    expect((await change('chen-old-pw', 7)).status).toBe(400)
    expect((await login('chen', 'chen-old-pw')).status).toBe(200)

    expect(await change('chen-old-pw', 'chen-new-pw')).toMatchObject({ status: 200, body: { ok: true } })
    expect((await login('chen', 'chen-old-pw')).status).toBe(401)
    expect((await login('chen', 'chen-new-pw')).status).toBe(200)
    expect((await server.api('GET', '/api/me', { token: elsewhere })).status).toBe(401)
    expect((await server.api('GET', '/api/me', { token: here })).status).toBe(200)
    await eventually(() => expect(theirs.closeCodes).toContain(4401))
    expect(mine.closeCodes).toEqual([])
    // The ended session's event stream ends at the next event; the current one's goes on.
    const next = await server.api('POST', '/api/documents/' + id + '/versions', { token: here, body: { name: '改密码后' } })
    expect(next.status).toBe(201)
    await theirStream.ended
    await eventually(() => expect(myStream.kinds).toContain('versions'))
    expect(theirStream.kinds).toEqual([])
    myStream.close()
    mine.destroy()
    theirs.destroy()
    expect((await server.api('POST', '/api/me/password', { body: { current: 'x', password: 'yyyyyyyy' } })).status).toBe(401)
  })

  it('lets only an administrator reset a password, which ends every session of the account', async () => {
    const token = await server.user('zhou', 'zhou-old-pw')
    const other = await server.user('wu')
    const id = await server.createDocument(token, { title: '报告' })
    const editor = connectClient(server, id, token)
    await eventually(() => expect(editor.provider.synced).toBe(true))

    const reset = (as: string, username: string, password: unknown) => server.api('PUT', `/api/users/${username}/password`, { token: as, body: { password } })
    expect((await reset(other, 'zhou', 'taken-over-pw')).status).toBe(403)
    expect((await reset(server.adminToken, 'nobody', 'zhou-new-pw')).status).toBe(404)
    expect((await reset(server.adminToken, 'zhou', 'short')).status).toBe(400)
    expect((await login('zhou', 'zhou-old-pw')).status).toBe(200)

    expect((await reset(server.adminToken, 'zhou', 'zhou-new-pw')).status).toBe(200)
    expect((await login('zhou', 'zhou-old-pw')).status).toBe(401)
    expect((await login('zhou', 'zhou-new-pw')).status).toBe(200)
    expect((await server.api('GET', '/api/me', { token })).status).toBe(401)
    await eventually(() => expect(editor.closeCodes).toContain(4401))
    editor.destroy()
  })
})
