import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type TestClient, type TestServer } from '../helpers/server'
import { ClientPool, synced, withTestServer } from '../helpers/clientPool'
import { documentWithMembers } from '../helpers/members'
import { placeholders } from '../helpers/yxml'
import { openEventStream, type EventStream } from '../helpers/eventStream'
import { eventually } from '../helpers/retry'
import { contentHash } from '../../shared/contentHash'
import type { Version } from '../../shared/api/versions'
import { yDocToDocJson } from '../../shared/ydoc'

const DRAFT = '测试通知\n\n一、基本情况\n开展学习**次，参加*人。'
const TWO_SECTIONS = '学习情况报告\n\n一、基本情况\n开展学习**次，参加*人。\n二、下步打算\n继续加强理论学习。'

let server: TestServer
let owner: string
let editor: string
let commenter: string
let viewer: string
let signer: string
const clients = new ClientPool(() => server)
const streams: EventStream[] = []

/** Fills every placeholder of the document through a real client, as an editor would. */
async function fillAll(c: TestClient, value: string, documentId: string): Promise<string> {
  c.doc.transact(() => {
    for (const element of placeholders(c.doc.getXmlFragment('default'))) element.setAttribute('value', value)
  })
  const hash = contentHash(yDocToDocJson(c.doc))
  await eventually(async () => expect(contentHash((await server.api('GET', `/api/documents/${documentId}/export?format=json`, { token: owner })).body)).toBe(hash))
  return hash
}

const newDocument = (text: string) =>
  documentWithMembers(server, owner, { text }, { editor: 'editor', commenter: 'commenter', viewer: 'viewer', signer: 'viewer' })

async function versions(id: string): Promise<Version[]> {
  const response = await server.api('GET', `/api/documents/${id}/versions`, { token: viewer })
  expect(response.status).toBe(200)
  return response.body.versions
}

async function storedHash(id: string): Promise<string> {
  return contentHash((await server.api('GET', `/api/documents/${id}/export?format=json`, { token: owner })).body)
}

withTestServer(
  ['owner', 'editor', 'commenter', 'viewer', 'signer'],
  (started, tokens) => {
    server = started
    ;({ owner, editor, commenter, viewer, signer } = tokens)
  },
  clients,
)
afterEach(() => {
  for (const s of streams.splice(0)) s.close()
})

describe('document history', () => {
  it('records a version with the audited hash and content at submit, lock, sign-off and unlock', async () => {
    const id = await newDocument(DRAFT)
    // The content it was created with is its first version (初稿), the hash the audit recorded.
    const created = await versions(id)
    expect(created.map((v) => [v.kind, v.username])).toEqual([['create', 'owner']])
    expect(created[0].hash).toBe(await storedHash(id))
    const createdAudit = (await server.api('GET', `/api/documents/${id}/audit`, { token: viewer })).body as { action: string; hash: string }[]
    expect(createdAudit.find((e) => e.action === 'create')!.hash).toBe(created[0].hash)
    const stream = await openEventStream(server, id, viewer)
    streams.push(stream)
    const a = clients.connect(id, owner)
    await synced(a)
    const filled = await fillAll(a, '3', id)
    a.destroy()
    expect(await versions(id)).toEqual(created)

    expect((await server.api('POST', `/api/documents/${id}/submit`, { token: editor })).status).toBe(200)
    await eventually(() => expect(stream.kinds).toContain('versions'))
    const [submitted] = await versions(id)
    expect(submitted).toMatchObject({ kind: 'submit', name: null, username: 'editor', displayName: 'editor', hash: filled })
    // No restore while the text is under review or locked.
    expect((await server.api('POST', `/api/documents/${id}/versions/${submitted.id}/restore`, { token: owner })).status).toBe(409)

    expect((await server.api('POST', `/api/documents/${id}/lock`, { token: owner, body: { signers: ['signer'] } })).status).toBe(200)
    expect((await server.api('POST', `/api/documents/${id}/versions/${submitted.id}/restore`, { token: owner })).status).toBe(409)
    expect((await server.api('POST', `/api/documents/${id}/signoff`, { token: signer })).status).toBe(200)
    expect((await server.api('POST', `/api/documents/${id}/versions/${submitted.id}/restore`, { token: editor })).status).toBe(409)
    expect((await server.api('POST', `/api/documents/${id}/unlock`, { token: owner, body: { reason: '补充内容' } })).status).toBe(200)

    const list = await versions(id)
    expect(list.map((v) => [v.kind, v.username])).toEqual([['unlock', 'owner'], ['signoff', 'signer'], ['lock', 'owner'], ['submit', 'editor'], ['create', 'owner']])
    const audit = (await server.api('GET', `/api/documents/${id}/audit`, { token: viewer })).body as { action: string; hash: string; at: string }[]
    for (const version of list.slice(0, 4)) {
      const entry = audit.find((e) => e.action === version.kind)!
      expect(version.hash).toBe(entry.hash)
      expect(version.hash).toBe(filled)
      const one = await server.api('GET', `/api/documents/${id}/versions/${version.id}`, { token: commenter })
      expect(one.status).toBe(200)
      expect(one.body.version).toEqual(version)
      expect(contentHash(one.body.content)).toBe(version.hash)
      expect(one.body.outline.sections.map((s: { number: string; heading: string }) => s.number + s.heading)).toEqual(['一、基本情况'])
    }
    // The lock and the sign-off are the same moment in the version as in the audit.
    expect(list[2].at).toBe(audit.find((e) => e.action === 'lock')!.at)
    expect(stream.kinds.filter((k) => k === 'versions').length).toBe(4)
  })

  it('saves named versions for owners and editors only and compares them with the current text', async () => {
    const id = await newDocument(TWO_SECTIONS)
    const stream = await openEventStream(server, id, commenter)
    streams.push(stream)
    const a = clients.connect(id, owner)
    await synced(a)
    const original = contentHash(yDocToDocJson(a.doc))

    for (const token of [commenter, viewer]) {
      expect((await server.api('POST', `/api/documents/${id}/versions`, { token, body: { name: '初稿' } })).status).toBe(403)
    }
    expect((await server.api('POST', `/api/documents/${id}/versions`, { token: editor, body: { name: '  ' } })).status).toBe(400)
    expect((await server.api('POST', `/api/documents/${id}/versions`, { token: editor, body: { name: '长'.repeat(101) } })).status).toBe(400)
    const created = await server.api('POST', `/api/documents/${id}/versions`, { token: editor, body: { name: ' 初稿 ' } })
    expect(created.status).toBe(201)
    const named: Version = created.body.version
    expect(named).toMatchObject({ kind: 'named', name: '初稿', username: 'editor', displayName: 'editor', hash: original })
    await eventually(() => expect(stream.kinds).toContain('versions'))
    const audit = (await server.api('GET', `/api/documents/${id}/audit`, { token: owner })).body as { action: string; detail?: unknown }[]
    expect(audit.find((e) => e.action === 'version')).toMatchObject({ username: 'editor', hash: original, detail: { version: named.id, name: '初稿' } })

    const filled = await fillAll(a, '12', id)
    const compared = await server.api('GET', `/api/documents/${id}/compare?from=${named.id}&to=current`, { token: viewer })
    expect(compared.status).toBe(200)
    expect(compared.body.from).toEqual(named)
    expect(compared.body.to).toBeNull()
    const sections = compared.body.sections as { id: string; number: string; heading: string; change: string; diff: { op: string; text: string }[]; placeholders: unknown[] }[]
    expect(sections.map((s) => [s.number, s.heading, s.change])).toEqual([
      ['', '标题', 'unchanged'],
      ['一、', '基本情况', 'changed'],
      ['二、', '下步打算', 'unchanged'],
    ])
    expect(sections[1].placeholders).toHaveLength(2)
    expect(sections[1].placeholders).toEqual(expect.arrayContaining([expect.objectContaining({ before: '', after: '12' })]))
    expect(sections[1].diff.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['12', '12'])

    // The other direction, and two versions against each other.
    const back = await server.api('GET', `/api/documents/${id}/compare?from=current&to=${named.id}`, { token: viewer })
    expect(back.body.sections[1].placeholders[0]).toMatchObject({ before: '12', after: '' })
    const same = await server.api('GET', `/api/documents/${id}/compare?from=${named.id}&to=${named.id}`, { token: viewer })
    expect(same.body.sections.every((s: { change: string }) => s.change === 'unchanged')).toBe(true)
    expect(contentHash(yDocToDocJson(a.doc))).toBe(filled)

    // Bad or unknown versions; another document's versions are not found through this one.
    expect((await server.api('GET', `/api/documents/${id}/compare?from=abc&to=current`, { token: viewer })).status).toBe(400)
    expect((await server.api('GET', `/api/documents/${id}/compare?from=${named.id}`, { token: viewer })).status).toBe(400)
    expect((await server.api('GET', `/api/documents/${id}/compare?from=999999&to=current`, { token: viewer })).status).toBe(404)
    expect((await server.api('GET', `/api/documents/${id}/versions/999999`, { token: viewer })).status).toBe(404)
    expect((await server.api('GET', `/api/documents/${id}/versions/abc`, { token: viewer })).status).toBe(404)
    const other = await server.createDocument(owner, { text: DRAFT })
    expect((await server.api('GET', `/api/documents/${other}/versions/${named.id}`, { token: owner })).status).toBe(404)
    expect((await server.api('GET', `/api/documents/${other}/compare?from=${named.id}&to=current`, { token: owner })).status).toBe(404)
    expect((await server.api('POST', `/api/documents/${other}/versions/${named.id}/restore`, { token: owner })).status).toBe(404)
    expect((await server.api('GET', `/api/documents/${other}/versions`, { token: viewer })).status).toBe(403)
  })

  it('restores a version as a new change that every open editor receives, stored across a restart', async () => {
    const id = await newDocument(TWO_SECTIONS)
    const stream = await openEventStream(server, id, viewer)
    streams.push(stream)
    const a = clients.connect(id, owner)
    const b = clients.connect(id, editor)
    const c = clients.connect(id, viewer)
    await synced(a, b, c)
    const named: Version = (await server.api('POST', `/api/documents/${id}/versions`, { token: owner, body: { name: '初稿' } })).body.version
    const filled = await fillAll(a, '7', id)
    await eventually(() => [b, c].forEach((x) => expect(contentHash(yDocToDocJson(x.doc))).toBe(filled)))

    // Readers may not restore.
    for (const token of [commenter, viewer]) {
      expect((await server.api('POST', `/api/documents/${id}/versions/${named.id}/restore`, { token })).status).toBe(403)
    }
    expect(contentHash(yDocToDocJson(a.doc))).toBe(filled)

    // The untouched section's heading keeps its identity in an open editor (a minimal change, not a reset).
    const untouched = b.doc.getXmlFragment('default').get(3) as Y.XmlElement
    expect(untouched.getAttribute('level')).toBe(1)
    const kindsBefore = stream.kinds.length

    const restored = await server.api('POST', `/api/documents/${id}/versions/${named.id}/restore`, { token: editor })
    expect(restored.status).toBe(200)
    const version: Version = restored.body.version
    expect(version).toMatchObject({ kind: 'restore', name: null, username: 'editor', hash: named.hash })
    await eventually(() => [a, b, c].forEach((x) => expect(contentHash(yDocToDocJson(x.doc))).toBe(named.hash)))
    expect(b.doc.getXmlFragment('default').get(3)).toBe(untouched)
    expect(placeholders(b.doc.getXmlFragment('default')).map((p) => p.getAttribute('value'))).toEqual(['', ''])
    // No client was closed: the restore arrived as an ordinary update.
    expect([...a.closeCodes, ...b.closeCodes, ...c.closeCodes]).toEqual([])
    await eventually(() => expect(stream.kinds.slice(kindsBefore)).toContain('versions'))

    // The filled-in text it replaced is kept as a version of its own.
    expect((await versions(id)).map((v) => [v.kind, v.name, v.hash])).toEqual([['restore', null, named.hash], ['named', '恢复前的内容', filled], ['named', '初稿', named.hash], ['create', null, expect.any(String)]])
    const audit = (await server.api('GET', `/api/documents/${id}/audit`, { token: owner })).body as { action: string }[]
    expect(audit.find((e) => e.action === 'restore')).toMatchObject({ username: 'editor', hash: named.hash, detail: { from: named.id, version: version.id } })
    const compared = await server.api('GET', `/api/documents/${id}/compare?from=${version.id}&to=current`, { token: viewer })
    expect(compared.body.sections.every((s: { change: string }) => s.change === 'unchanged')).toBe(true)

    clients.closeAll()
    await server.restart()
    expect(await storedHash(id)).toBe(named.hash)
    const reader = clients.connect(id, viewer)
    await synced(reader)
    expect(contentHash(yDocToDocJson(reader.doc))).toBe(named.hash)
  })

  it('keeps an edit made meanwhile in a paragraph the restore does not touch', async () => {
    const id = await newDocument(TWO_SECTIONS)
    const a = clients.connect(id, owner)
    const b = clients.connect(id, editor)
    await synced(a, b)
    const named: Version = (await server.api('POST', `/api/documents/${id}/versions`, { token: owner, body: { name: '初稿' } })).body.version
    await fillAll(a, '4', id)
    await eventually(() => expect(placeholders(b.doc.getXmlFragment('default'))[0].getAttribute('value')).toBe('4'))

    // The editor types in section 二's paragraph while offline; the server has not seen it.
    b.provider.disconnect()
    const paragraph = b.doc.getXmlFragment('default').get(4) as Y.XmlElement
    ;(paragraph.get(0) as Y.XmlText).insert(0, '认真')

    expect((await server.api('POST', `/api/documents/${id}/versions/${named.id}/restore`, { token: owner })).status).toBe(200)
    await eventually(() => expect(placeholders(a.doc.getXmlFragment('default')).map((p) => p.getAttribute('value'))).toEqual(['', '']))
    b.provider.connect()

    await eventually(() => {
      const left = yDocToDocJson(a.doc)
      expect(contentHash(yDocToDocJson(b.doc))).toBe(contentHash(left))
      expect(JSON.stringify(left)).toContain('认真继续加强理论学习。')
      expect(placeholders(b.doc.getXmlFragment('default')).map((p) => p.getAttribute('value'))).toEqual(['', ''])
    })
    await eventually(async () => expect(await storedHash(id)).toBe(contentHash(yDocToDocJson(a.doc))))
  })

  it('restores a document that nobody has open and stores it', async () => {
    const id = await newDocument(TWO_SECTIONS)
    const named: Version = (await server.api('POST', `/api/documents/${id}/versions`, { token: owner, body: { name: '初稿' } })).body.version
    const a = clients.connect(id, owner)
    await synced(a)
    const filled = await fillAll(a, '5', id)
    clients.closeAll()

    const restored = await server.api('POST', `/api/documents/${id}/versions/${named.id}/restore`, { token: owner })
    expect(restored.status).toBe(200)
    expect(restored.body.version.hash).toBe(named.hash)
    expect(named.hash).not.toBe(filled)
    expect(await storedHash(id)).toBe(named.hash)
    await server.restart()
    expect(await storedHash(id)).toBe(named.hash)
  })
})
