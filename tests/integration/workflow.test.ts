import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendParagraph, type TestServer } from '../helpers/server'
import { ClientPool, synced, withTestServer } from '../helpers/clientPool'
import { documentWithMembers } from '../helpers/members'
import { placeholders } from '../helpers/yxml'
import { eventually } from '../helpers/retry'
import { contentHash } from '../../shared/contentHash'
import { yDocToDocJson } from '../../shared/ydoc'

const DRAFT = '测试通知\n\n一、基本情况\n开展学习**次，参加*人。'

let server: TestServer
let owner: string
let editor: string
let commenter: string
let viewer: string
let signer: string
const clients = new ClientPool(() => server)

const newDocument = () =>
  documentWithMembers(server, owner, { text: DRAFT }, { editor: 'editor', commenter: 'commenter', viewer: 'viewer', signer: 'viewer' })

withTestServer(
  ['owner', 'editor', 'commenter', 'viewer', 'signer'],
  (started, tokens) => {
    server = started
    ;({ owner, editor, commenter, viewer, signer } = tokens)
  },
  clients,
)

describe('workflow', () => {
  it('tells a page whose copy was changed before the lock reached it to start over, and leaves an unchanged copy alone', async () => {
    const id = await newDocument()
    const live = clients.connect(id, editor)
    await synced(live)
    live.doc.transact(() => placeholders(live.doc.getXmlFragment('default')).forEach((element) => element.setAttribute('value', '1')))
    await eventually(async () => expect((await server.api('GET', `/api/documents/${id}/check`, { token: owner })).body.ready).toBe(true))
    // Copies kept offline (as the browser keeps them in IndexedDB): one with a line typed, one with
    // a character deleted, and one as the document was, an editor's and a viewer's.
    const offline = (token: string, change?: (doc: Y.Doc) => void) => {
      const client = clients.connect(id, token, { connect: false, shouldReconnect: () => false })
      Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(live.doc))
      change?.(client.doc)
      return client
    }
    const typed = offline(editor, (doc) => appendParagraph(doc, '断线时写的'))
    const deleted = offline(editor, (doc) => (doc.getXmlFragment('default').get(1) as Y.XmlElement).get(0).delete(0, 1))
    const unchanged = offline(editor)
    const reader = offline(viewer)
    const lockedText = live.text()
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: owner })).status).toBe(200)
    expect((await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: ['signer'] } })).status).toBe(200)
    for (const client of [typed, deleted, unchanged, reader]) client.provider.connect()
    await eventually(() => {
      expect(typed.closeCodes).toEqual([4410])
      expect(deleted.closeCodes).toEqual([4410])
    })
    await synced(unchanged, reader)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect([unchanged.closeCodes, reader.closeCodes]).toEqual([[], []])
    const exported = await server.api('GET', `/api/documents/${id}/export?format=txt`, { token: owner })
    expect(exported.body).not.toContain('断线时写的')
    const fresh = clients.connect(id, viewer)
    await synced(fresh)
    expect(fresh.text()).toBe(lockedText)
  })

  it('keeps a named signer a signer whatever role the owner gives them while locked', async () => {
    // Signing goes with being named, not with a role: a leader who signs often only reads (viewer).
    const id = await documentWithMembers(server, owner, { text: '测试通知\n\n一、基本情况\n\n开展学习3次。' }, { editor: 'editor', signer: 'viewer' })
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: owner })).status).toBe(200)
    expect((await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: ['editor', 'signer'] } })).status).toBe(200)
    expect((await server.api('PUT', `/api/documents/${id}/members/editor`, { token: owner, body: { role: 'viewer' } })).status).toBe(200)
    expect((await server.api('PUT', `/api/documents/${id}/members/signer`, { token: owner, body: { role: 'commenter' } })).status).toBe(200)
    expect((await server.api('GET', `/api/documents/${id}`, { token: owner })).body).toMatchObject({ status: 'locked', signers: ['editor', 'signer'] })
    expect((await server.api('POST', `/api/documents/${id}/signoff`, { token: editor })).status).toBe(200)
    expect((await server.api('POST', `/api/documents/${id}/signoff`, { token: signer })).body.status).toBe('signed')
  })

  it('submits, locks, signs and unlocks with an audit trail', async () => {
    const id = await newDocument()

    // Submit is refused while placeholders are unfilled.
    const refused = await server.api('POST', `/api/documents/${id}/submit`, { token: owner })
    expect(refused.status).toBe(409)
    expect(typeof refused.body.error).toBe('string')
    expect(refused.body.check.unfilled.length).toBe(2)

    // Readers may not submit.
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: commenter })).status).toBe(403)
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: viewer })).status).toBe(403)

    // Fill every placeholder through a real client.
    const a = clients.connect(id, owner)
    const b = clients.connect(id, editor)
    await synced(a, b)
    const found = placeholders(a.doc.getXmlFragment('default'))
    expect(found.length).toBe(2)
    a.doc.transact(() => {
      for (const element of found) element.setAttribute('value', '1')
    })
    await eventually(async () => {
      const check = await server.api('GET', `/api/documents/${id}/check`, { token: owner })
      expect(check.body.ready).toBe(true)
    })
    await eventually(() => expect(b.text()).toBe(a.text()))

    // Reopen: owner only, then submit again (by the editor).
    const submitted = await server.api('POST', `/api/documents/${id}/submit`, { token: editor })
    expect(submitted.status).toBe(200)
    expect(submitted.body.status).toBe('review')
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: editor })).status).toBe(409)
    expect((await server.api('POST', `/api/documents/${id}/reopen`, { token: editor })).status).toBe(403)
    expect((await server.api('POST', `/api/documents/${id}/reopen`, { token: owner })).status).toBe(200)
    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: owner })).status).toBe(200)

    // Lock: owner only, signers must be members.
    expect((await server.api('POST', `/api/documents/${id}/lock`, { token: editor, body: { signers: ['signer'] } })).status).toBe(403)
    expect((await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: [] } })).status).toBe(400)
    expect((await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: ['nobody'] } })).status).toBe(400)
    const expectedHash = contentHash(yDocToDocJson(a.doc))
    const locked = await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: ['signer', 'editor'] } })
    expect(locked.status).toBe(200)
    expect(locked.body).toMatchObject({ id, status: 'locked', signers: ['signer', 'editor'] })
    expect(locked.body.hash).toBe(expectedHash)
    expect(contentHash(yDocToDocJson(b.doc))).toBe(locked.body.hash)
    const lockedText = a.text()

    // Open connections were closed with 4409 (the real client drops its state and resyncs).
    await eventually(() => {
      expect(a.closeCodes).toContain(4409)
      expect(b.closeCodes).toContain(4409)
    })
    a.destroy()
    b.destroy()

    // An editor's update after the lock reaches no one and is not stored.
    const owners = clients.connect(id, owner)
    const editing = clients.connect(id, editor)
    await synced(owners, editing)
    expect(editing.text()).toBe(lockedText)
    appendParagraph(editing.doc, '锁定后的修改')
    const watcher = clients.connect(id, viewer)
    await synced(watcher)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(owners.text()).toBe(lockedText)
    expect(watcher.text()).toBe(lockedText)
    const json = await server.api('GET', `/api/documents/${id}/export?format=json`, { token: owner })
    expect(contentHash(json.body)).toBe(locked.body.hash)

    const detail = await server.api('GET', `/api/documents/${id}`, { token: viewer })
    expect(detail.body).toMatchObject({ status: 'locked', signers: ['signer', 'editor'], signoffs: [], hash: locked.body.hash })

    // A named signer cannot be removed while the version awaits their sign-off.
    expect((await server.api('DELETE', `/api/documents/${id}/members/signer`, { token: owner })).status).toBe(409)

    // Sign-off: only named signers, once each; all signed → signed.
    expect((await server.api('POST', `/api/documents/${id}/signoff`, { token: viewer })).status).toBe(403)
    const tooLong = await server.api('POST', `/api/documents/${id}/signoff`, { token: signer, body: { opinion: '同'.repeat(201) } })
    expect(tooLong).toMatchObject({ status: 400, body: { error: '请求内容无效（签发意见）：签发意见最多 200 个字' } })
    expect((await server.api('POST', `/api/documents/${id}/signoff`, { token: signer, body: { opinion: 5 } })).status).toBe(400)
    const first = await server.api('POST', `/api/documents/${id}/signoff`, { token: signer, body: { opinion: '  同意。  ' } })
    expect(first.status).toBe(200)
    expect(first.body.status).toBe('locked')
    expect(first.body.hash).toBe(locked.body.hash)
    expect(first.body.signoffs.map((s: { username: string }) => s.username)).toEqual(['signer'])
    expect((await server.api('POST', `/api/documents/${id}/signoff`, { token: signer })).status).toBe(409)
    const second = await server.api('POST', `/api/documents/${id}/signoff`, { token: editor })
    expect(second.status).toBe(200)
    expect(second.body.status).toBe('signed')
    expect(second.body.signoffs).toHaveLength(2)
    const signedDetail = await server.api('GET', `/api/documents/${id}`, { token: owner })
    expect(signedDetail.body.status).toBe('signed')
    expect(signedDetail.body.signoffs[0]).toEqual({ username: 'signer', displayName: 'signer', at: expect.any(String), hash: locked.body.hash, opinion: '同意。' })
    // Without an opinion the sign-off has none (the second signer sent no body at all).
    expect(signedDetail.body.signoffs[1]).not.toHaveProperty('opinion')
    const signoffAudit = (await server.api('GET', `/api/documents/${id}/audit`, { token: owner })).body
    expect(signoffAudit.filter((e: { action: string }) => e.action === 'signoff').map((e: { detail?: unknown }) => e.detail)).toEqual([{ opinion: '同意。' }, undefined])

    // The refused edit is absent after a restart.
    clients.closeAll()
    await server.restart()
    const afterRestart = await server.api('GET', `/api/documents/${id}/export?format=json`, { token: owner })
    expect(contentHash(afterRestart.body)).toBe(locked.body.hash)
    const reader = clients.connect(id, viewer)
    await synced(reader)
    expect(reader.text()).toBe(lockedText)
    expect(reader.text()).not.toContain('锁定后的修改')

    // Unlock: reason required, owner only.
    expect((await server.api('POST', `/api/documents/${id}/unlock`, { token: owner, body: {} })).status).toBe(400)
    expect((await server.api('POST', `/api/documents/${id}/unlock`, { token: owner, body: { reason: '  ' } })).status).toBe(400)
    expect((await server.api('POST', `/api/documents/${id}/unlock`, { token: editor, body: { reason: '需要修改' } })).status).toBe(403)
    const unlocked = await server.api('POST', `/api/documents/${id}/unlock`, { token: owner, body: { reason: '需要修改' } })
    expect(unlocked.status).toBe(200)
    expect(unlocked.body.status).toBe('draft')
    const draftDetail = await server.api('GET', `/api/documents/${id}`, { token: owner })
    expect(draftDetail.body).toMatchObject({ status: 'draft', signers: [], signoffs: [], hash: null })
    expect((await server.api('POST', `/api/documents/${id}/signoff`, { token: signer })).status).toBe(409)
    // The room stayed loaded through the unlock (the reader is connected): editing works at once.
    const afterUnlock = clients.connect(id, editor)
    await synced(afterUnlock)
    appendParagraph(afterUnlock.doc, '解锁后的修改')
    await eventually(async () => expect(reader.text()).toContain('解锁后的修改'))

    const audit = await server.api('GET', `/api/documents/${id}/audit`, { token: viewer })
    expect(audit.status).toBe(200)
    expect(audit.body.filter((e: { action: string }) => e.action === 'member')).toHaveLength(4)
    audit.body = audit.body.filter((e: { action: string }) => e.action !== 'member')
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual([
      'create', 'submit', 'reopen', 'submit', 'lock', 'signoff', 'signoff', 'unlock',
    ])
    const lockEntry = audit.body[4]
    expect(lockEntry).toMatchObject({ username: 'owner', hash: locked.body.hash, detail: { signers: ['signer', 'editor'] } })
    expect(audit.body[7]).toMatchObject({ username: 'owner', detail: { reason: '需要修改' } })
    for (const entry of audit.body) {
      expect(typeof entry.at).toBe('string')
      expect(typeof entry.hash).toBe('string')
    }
  })
})
