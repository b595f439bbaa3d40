import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnServer, type ServerProcess } from './lib/serverProcess'

let server: ServerProcess
let owner: string
let documentId: string

beforeAll(async () => {
  server = await spawnServer({
    env: { HEGAO_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', HEGAO_LOGIN_MAX_FAILURES_PER_ADDRESS: '8' },
  })
  owner = await server.user('http-owner', '接口测试')
  documentId = await server.createDocument(owner, { title: '接口测试文档' })
})
afterAll(async () => {
  await server?.close()
})

const expectError = (response: { status: number; body: any }, status: number) => {
  expect(response.status).toBe(status)
  expect(typeof response.body.error).toBe('string')
}

describe('malformed and wrongly typed bodies', () => {
  it('answers 400 with a message for broken JSON and for fields of the wrong type', async () => {
    const json = { 'Content-Type': 'application/json' }
    expectError(await server.api('POST', '/api/documents', { token: owner, body: '{"title": ', headers: json }), 400)
    expectError(await server.api('POST', '/api/documents', { token: owner, body: { title: 42 } }), 400)
    expectError(await server.api('POST', '/api/documents', { token: owner, body: '[1,2,3]', headers: json }), 400)
    expectError(await server.api('POST', '/api/login', { body: { username: ['admin'], password: null } }), 400)
    expectError(await server.api('PUT', `/api/documents/${documentId}/members/admin`, { token: owner, body: { role: 'god' } }), 400)
    expectError(await server.api('POST', '/api/users', { token: server.adminToken, body: { username: 'x', password: 1 } }), 400)
  })

  it('answers 413 to a body over the limit without waiting for the rest of it', async () => {
    // Declared too large: refused from the header, after only a few bytes were sent.
    const declared = await rawHttp(
      `POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${8 * 1024 * 1024}\r\n\r\n{"username":`,
    )
    expect(declared).toMatch(/^HTTP\/1\.1 413/)
    // Not declared (chunked): refused once the bytes read pass the limit.
    const chunk = 'a'.repeat(512 * 1024)
    const chunked = await rawHttp(
      `POST /api/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${owner}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n` +
        `${(chunk.length).toString(16)}\r\n${chunk}\r\n`.repeat(10),
    )
    expect(chunked).toMatch(/^HTTP\/1\.1 413/)
    expect(chunked).toContain('"error"')
  })
})

/** Sends raw bytes and returns everything the server answered before closing. */
function rawHttp(request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(request))
    let data = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => (data += chunk))
    socket.on('error', () => resolve(data))
    socket.on('close', () => resolve(data))
    // The server answers without reading it all; stop waiting once the answer is complete.
    socket.setTimeout(3000, () => socket.destroy())
  })
}

describe('unknown, hostile and path-like ids', () => {
  it('answers 404 and leaves the data as it was', async () => {
    const hostile = ["' OR '1'='1", "x'; DROP TABLE documents; --", '../../etc/passwd', '..\\..\\windows', '%00', 'a'.repeat(300)]
    for (const id of ['no-such-id', ...hostile]) {
      const encoded = encodeURIComponent(id)
      expectError(await server.api('GET', `/api/documents/${encoded}`, { token: owner }), 404)
      expectError(await server.api('GET', `/api/documents/${encoded}/outline`, { token: owner }), 404)
      expectError(await server.api('POST', `/api/documents/${encoded}/submit`, { token: owner }), 404)
    }
    expectError(await server.api('PUT', `/api/documents/${documentId}/members/${encodeURIComponent("' OR 1=1 --")}`, { token: owner, body: { role: 'viewer' } }), 404)
    const list = await server.api('GET', '/api/documents', { token: owner })
    expect(list.body.map((d: { id: string }) => d.id)).toEqual([documentId])
  })

  it('never serves a file outside the client folder for a dot-dot path', async () => {
    const response = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.write('GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'))
      let data = ''
      socket.on('data', (chunk) => (data += chunk))
      socket.on('end', () => resolve(data))
      socket.on('error', reject)
    })
    expect(response).not.toContain('root:')
    expect(response).toMatch(/^HTTP\/1\.1 (400|404)/)
  })
})

describe('security headers', () => {
  it('sends CSP with frame-ancestors, nosniff and no-frame on API answers and errors', async () => {
    for (const response of [await server.api('GET', '/api/me', { token: owner }), await server.api('GET', '/api/nope', { token: owner }), await server.api('GET', '/healthz')]) {
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
    }
  })
})

describe('tokens', () => {
  it('stop working when they expire and never appear in the log', async () => {
    const token = await server.user('short-lived')
    expect((await server.api('GET', '/api/me', { token })).status).toBe(200)
    const db = server.openDb()
    try {
      db.prepare("UPDATE sessions SET expires_at = ? WHERE username = 'short-lived'").run(Date.now() - 1000)
    } finally {
      db.close()
    }
    expectError(await server.api('GET', '/api/me', { token }), 401)
    const log = server.output.join('\n')
    for (const secret of [token, owner, server.adminToken]) expect(log).not.toContain(secret)
  })
})

// Last: once the address is blocked, nobody from this address can log in for the window.
describe('login rate limit', () => {
  it('answers 429 after too many failures for one account, even with the right password', async () => {
    await server.user('guessed')
    for (let i = 0; i < 3; i++) expectError(await server.api('POST', '/api/login', { body: { username: 'guessed', password: `wrong${i}` } }), 401)
    const refused = await server.api('POST', '/api/login', { body: { username: 'guessed', password: 'guessed-password' } })
    expectError(refused, 429)
    // It says how long: until the oldest of the failures leaves the 15-minute window.
    expect(refused.body.error).toBe('登录尝试次数过多，请 15 分钟后再试')
  })

  it('answers 429 after too many failures from one address, whatever the account', async () => {
    await server.user('bystander')
    // 3 failures so far from this address; 5 more on made-up names reach the limit of 8.
    for (let i = 0; i < 5; i++) expectError(await server.api('POST', '/api/login', { body: { username: `nobody${i}`, password: 'x' } }), 401)
    expectError(await server.api('POST', '/api/login', { body: { username: 'bystander', password: 'bystander-password' } }), 429)
  })
})
