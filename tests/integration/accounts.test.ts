import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, startTestServer, type TestServer } from '../helpers/server'
import { eventually } from '../helpers/retry'
import { openEventStream } from '../helpers/eventStream'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

const login = (username: string) => server.api('POST', '/api/login', { body: { username, password: `${username}-password` } })
const patch = (username: string, body: unknown, token = server.adminToken) => server.api('PATCH', `/api/users/${username}`, { token, body })
const handOver = (username: string, newOwner: unknown, token = server.adminToken) =>
  server.api('POST', `/api/users/${username}/handover`, { token, body: { newOwner } })
const account = async (username: string) => ((await server.api('GET', '/api/users', { token: server.adminToken })).body as any[]).find((u) => u.username === username)

describe('managing accounts', () => {
  it('lets only an administrator rename an account or make it an administrator', async () => {
    const plain = await server.user('sun')
    expect((await patch('sun', { displayName: '孙主任' }, plain)).status).toBe(403)
    expect(await patch('sun', { displayName: '孙主任', admin: true })).toMatchObject({
      status: 200,
      body: { user: { username: 'sun', displayName: '孙主任', admin: true, disabled: false } },
    })
    expect((await login('sun')).body.user).toEqual({ username: 'sun', displayName: '孙主任', admin: true })
    expect(await patch('nobody', { admin: true })).toMatchObject({ status: 404 })
    expect(await patch('sun', {})).toMatchObject({ status: 400, body: { error: '请求内容无效（请求体）：请说明要修改什么' } })
    expect(await patch('sun', { displayName: '  ' })).toMatchObject({ status: 400, body: { error: '请求内容无效（显示名）：显示名不能为空' } })
    expect((await patch('sun', { admin: 'yes' })).status).toBe(400)
    expect(await account('sun')).toEqual({ username: 'sun', displayName: '孙主任', admin: true, disabled: false })
  })

  it('keeps an administrator from disabling or demoting themselves', async () => {
    expect(await patch('admin', { disabled: true })).toMatchObject({ status: 409, body: { error: '不能停用自己的账号' } })
    expect(await patch('admin', { admin: false })).toMatchObject({ status: 409, body: { error: '不能取消自己的管理员身份' } })
    expect((await server.api('GET', '/api/me', { token: server.adminToken })).status).toBe(200)
  })

  it('signs a disabled account out everywhere and refuses its sign-in until it is enabled again', async () => {
    const token = await server.user('qian')
    const owner = await server.user('qian-boss')
    const id = await server.createDocument(owner, { title: '季度报告', text: '季度报告\n\n一、工作情况\n\n本季度完成了各项任务。' })
    expect((await server.api('PUT', `/api/documents/${id}/members/qian`, { token: owner, body: { role: 'editor' } })).status).toBe(200)
    const editor = connectClient(server, id, token)
    await eventually(() => expect(editor.provider.synced).toBe(true))
    const stream = await openEventStream(server, id, token)

    expect(await patch('qian', { disabled: true })).toMatchObject({ status: 200, body: { user: { disabled: true } } })
    expect((await server.api('GET', '/api/me', { token })).status).toBe(401)
    await eventually(() => expect(editor.closeCodes).toContain(4401))
    await server.api('POST', `/api/documents/${id}/versions`, { token: owner, body: { name: '停用后' } })
    await stream.ended
    // Only someone who knows the password learns that the account is disabled.
    expect(await login('qian')).toMatchObject({ status: 403, body: { error: '该账号已停用，请联系管理员' } })
    expect((await server.api('POST', '/api/login', { body: { username: 'qian', password: 'wrong-password' } })).status).toBe(401)

    // Still listed as a member, by name, but given no new role, section or signature.
    const detail = await server.api('GET', `/api/documents/${id}`, { token: owner })
    expect(detail.body.members).toContainEqual({ username: 'qian', displayName: 'qian', role: 'editor', disabled: true })
    expect(await server.api('PUT', `/api/documents/${id}/members/qian`, { token: owner, body: { role: 'owner' } })).toMatchObject({
      status: 400,
      body: { error: 'qian（qian）的账号已停用' },
    })
    const outline = await server.api('GET', `/api/documents/${id}/outline`, { token: owner })
    expect(await server.api('PUT', `/api/documents/${id}/assignments/${outline.body.sections[0].id}`, { token: owner, body: { username: 'qian' } })).toMatchObject({
      status: 400,
      body: { error: '该成员的账号已停用' },
    })
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: owner })).status).toBe(200)
    expect(await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: ['qian'] } })).toMatchObject({
      status: 400,
      body: { error: '签发人的账号已停用：qian' },
    })
    expect((await server.api('DELETE', `/api/documents/${id}/members/qian`, { token: owner })).status).toBe(200)

    expect(await patch('qian', { disabled: false })).toMatchObject({ status: 200, body: { user: { disabled: false } } })
    expect((await login('qian')).status).toBe(200)
    editor.destroy()
  })

  it('refuses to disable the only owner of documents until they are handed over', async () => {
    const li = await server.user('li')
    const heir = await server.user('zhang')
    const alone = await server.createDocument(li, { title: '年度总结' })
    const shared = await server.createDocument(li, { title: '工作计划' })
    expect((await server.api('PUT', `/api/documents/${shared}/members/zhang`, { token: li, body: { role: 'owner' } })).status).toBe(200)
    const colleague = await server.createDocument(heir, { title: '张的文档' })

    const refused = await patch('li', { disabled: true })
    expect(refused).toMatchObject({ status: 409, body: { error: 'li是 1 份文档的唯一所有者，请先移交文档', documents: [{ id: alone, title: '年度总结' }] } })
    expect((await login('li')).status).toBe(200)

    expect((await handOver('li', 'zhang', li)).status).toBe(403)
    expect(await handOver('li', 'nobody')).toMatchObject({ status: 400, body: { error: '接手人不存在' } })
    expect(await handOver('li', 'li')).toMatchObject({ status: 400, body: { error: '接手人不能是本人' } })
    expect((await handOver('li', 5)).status).toBe(400)
    // Only the documents the new owner did not own already are handed over, and each says so in its audit.
    expect(await handOver('li', 'zhang')).toMatchObject({ status: 200, body: { documents: [{ id: alone, title: '年度总结' }] } })
    const members = (await server.api('GET', `/api/documents/${alone}`, { token: heir })).body.members
    expect(members.map((m: any) => [m.username, m.role])).toEqual([['li', 'owner'], ['zhang', 'owner']])
    const audit = (await server.api('GET', `/api/documents/${alone}/audit`, { token: heir })).body
    expect(audit.at(-1)).toMatchObject({ action: 'member', username: 'admin', detail: { member: 'zhang', role: 'owner', handedOverFrom: 'li' } })
    expect((await server.api('GET', `/api/documents/${colleague}`, { token: li })).status).toBe(403)

    expect((await patch('li', { disabled: true })).status).toBe(200)
    const gone = await server.user('gone')
    await server.createDocument(gone, { title: '离职者的文档' })
    await server.user('gone-heir')
    expect((await patch('gone-heir', { disabled: true })).status).toBe(200)
    expect(await handOver('gone', 'gone-heir')).toMatchObject({ status: 400, body: { error: '接手人的账号已停用' } })
  })

  it('refuses to disable a signer a locked document still waits for, after a hand-over too, until they sign or the owner unlocks', async () => {
    const owner = await server.user('zhao')
    const wang = await server.user('wang')
    const chen = await server.user('chen')
    await patch('wang', { displayName: '王五' })
    const id = await server.createDocument(owner, { title: '年度工作总结', text: '年度工作总结\n\n一、工作情况\n\n全年完成了各项任务。' })
    for (const [member, role] of [['wang', 'viewer'], ['chen', 'commenter']]) {
      expect((await server.api('PUT', `/api/documents/${id}/members/${member}`, { token: owner, body: { role } })).status).toBe(200)
    }
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: owner })).status).toBe(200)
    expect((await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: ['wang', 'chen'] } })).status).toBe(200)

    // Someone who has signed is no longer waited for.
    expect((await server.api('POST', `/api/documents/${id}/signoff`, { token: chen })).status).toBe(200)
    expect((await patch('chen', { disabled: true })).status).toBe(200)
    expect((await patch('chen', { disabled: false })).status).toBe(200)

    // Owning documents alone is asked about first: handing them over does not make wang's signature needless.
    await server.createDocument(wang, { title: '王五的草稿' })
    expect(await patch('wang', { disabled: true })).toMatchObject({ status: 409, body: { documents: [{ title: '王五的草稿' }] } })
    expect((await handOver('wang', 'zhao')).status).toBe(200)
    expect(await patch('wang', { disabled: true })).toMatchObject({
      status: 409,
      body: {
        error: '王五是《年度工作总结》的签发人，尚未签发，文档锁定期间不能停用其账号；请先由所有者解锁并更换签发人。',
        awaitingSignoff: [{ id, title: '年度工作总结' }],
      },
    })
    expect((await login('wang')).status).toBe(200)
    expect((await account('wang')).disabled).toBe(false)

    // Unlocking clears the signers: then the account can go.
    expect((await server.api('POST', `/api/documents/${id}/unlock`, { token: owner, body: { reason: '王五调离，更换签发人' } })).status).toBe(200)
    expect((await patch('wang', { disabled: true })).status).toBe(200)
  })
})
