import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { appendParagraph, connectClient, fragmentText, startTestServer, type TestClient, type TestServer } from '../helpers/server'
import { SCHEMA_VERSION } from '../../shared/schema/version'
import { ClientPool, synced, withTestServer } from '../helpers/clientPool'
import { documentWithMembers } from '../helpers/members'
import { rawClient, syncStep1Message, updateMessage, type RawClient } from '../reliability/lib/clients'
import { eventually } from '../helpers/retry'
import { presenceOnReconnect } from '../../client/collab/presenceOnReconnect'
import { openDatabase } from '../../server/db/database'
import { loadYDoc } from '../../server/db/updates'
import { setStatus } from '../../server/db/documents'

let server: TestServer
let owner: string
let editor: string
let commenter: string
let viewer: string
let outsider: string
const clients = new ClientPool(() => server)

const newDocument = (title: string) =>
  documentWithMembers(server, owner, { title }, { editor: 'editor', commenter: 'commenter', viewer: 'viewer' })

/** The text of the first paragraph. */
const textOf = (doc: Y.Doc) => (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText

/** How many updates of the document are in the log. */
function loggedUpdates(documentId: string): number {
  const db = openDatabase(server.dataDir)
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE document_id = ?').get(documentId) as { n: number }).n
  } finally {
    db.close()
  }
}

/** The update messages (sync, update) a bare client has received. */
const relayedTo = (raw: RawClient) => raw.received.filter((message) => message[0] === 0 && message[1] === 2)

/** The updates of a document of its own, starting from `base`'s content, as they are made. */
function scratchFrom(base: Y.Doc): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return { doc, updates }
}

/** The content as stored in the database (read through a second connection, as after a crash). */
function storedText(documentId: string): string {
  const db = openDatabase(server.dataDir)
  try {
    const doc = loadYDoc(db, documentId)!
    return fragmentText(doc)
  } finally {
    db.close()
  }
}

withTestServer(
  ['owner', 'editor', 'commenter', 'viewer', 'outsider'],
  (started, tokens) => {
    server = started
    ;({ owner, editor, commenter, viewer, outsider } = tokens)
  },
  clients,
)

describe('co-editing', () => {
  it('makes three clients editing at the same time converge', async () => {
    const id = await newDocument('三人同时编辑')
    const a = clients.connect(id, owner)
    const b = clients.connect(id, editor)
    const c = clients.connect(id, owner)
    await synced(a, b, c)
    for (let i = 0; i < 5; i++) {
      appendParagraph(a.doc, `甲${i}`)
      appendParagraph(b.doc, `乙${i}`)
      appendParagraph(c.doc, `丙${i}`)
    }
    await eventually(() => {
      expect(b.text()).toBe(a.text())
      expect(c.text()).toBe(a.text())
      for (const word of ['甲4', '乙4', '丙4']) expect(a.text()).toContain(word)
    })
    expect(storedText(id)).toBe(a.text())
  })

  it('has stored a change by the time another client receives it', async () => {
    const id = await newDocument('先存后转')
    const a = clients.connect(id, owner)
    const b = clients.connect(id, editor)
    await synced(a, b)
    let storedWhenSeen: string | undefined
    b.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === b.provider && storedWhenSeen === undefined && b.text().includes('已保存')) storedWhenSeen = storedText(id)
    })
    appendParagraph(a.doc, '已保存')
    await eventually(() => expect(storedWhenSeen).toContain('已保存'))
  })
  it('relays the server\'s own formatting clean-up to the client whose change caused it', async () => {
    // Yjs tidies redundant bold/unbold marks after a remote change, in a transaction of its own.
    // Here the editor's delete meets the owner's concurrent unbolding on the server: the server's
    // clean-up deletes marks the editor still has, so the editor must receive it like everyone else.
    const id = await newDocument('格式整理')
    const owning = clients.connect(id, owner)
    const watching = clients.connect(id, owner)
    await synced(owning, watching)
    const paragraph = new Y.XmlElement('paragraph')
    owning.doc.getXmlFragment('default').insert(0, [paragraph])
    paragraph.insert(0, [new Y.XmlText('abcd')])
    ;(paragraph.get(0) as Y.XmlText).format(1, 2, { bold: true })
    const sameAs = (doc: Y.Doc, other: Y.Doc) => Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(other))
    await eventually(() => expect(sameAs(watching.doc, owning.doc)).toBe(true))

    // The editor as a bare protocol client, so that it makes its change before it has seen the owner's.
    const editing = new Y.Doc()
    Y.applyUpdate(editing, Y.encodeStateAsUpdate(watching.doc))
    const raw = await rawClient(server.wsUrl, id, editor)
    try {
      textOf(owning.doc).format(0, 2, { bold: null })
      await eventually(() => expect(sameAs(watching.doc, owning.doc)).toBe(true))
      editing.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== raw) raw.ws.send(updateMessage(update))
      })
      textOf(editing).delete(2, 1)
      let applied = 0
      await eventually(() => {
        for (; applied < raw.received.length; applied++) {
          const decoder = decoding.createDecoder(raw.received[applied])
          if (decoding.readVarUint(decoder) === 0) syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), editing, raw)
        }
        expect(sameAs(watching.doc, owning.doc)).toBe(true)
        expect(sameAs(editing, owning.doc)).toBe(true)
      })
      expect(textOf(owning.doc).toString()).toBe('abd')
    } finally {
      raw.ws.close()
      editing.destroy()
    }
  })
})

describe('incremental updates', () => {
  /**
   * A document with a real client (`a`), a bare client that only watches what it is sent, and a
   * bare editor that sends what a test makes in a scratch copy of the document.
   */
  async function withSender(title: string, run: (setup: { id: string; a: TestClient; watcher: RawClient; sender: RawClient }) => Promise<void>) {
    const id = await newDocument(title)
    const a = clients.connect(id, owner)
    await synced(a)
    const watcher = await rawClient(server.wsUrl, id, owner)
    const sender = await rawClient(server.wsUrl, id, editor)
    try {
      watcher.ws.send(syncStep1Message(new Y.Doc()))
      await run({ id, a, watcher, sender })
    } finally {
      watcher.ws.close()
      sender.ws.close()
    }
  }

  it('stores and relays an update once: sent again, it reaches no one and is not stored again', () =>
    withSender('重复的更新', async ({ id, a, watcher, sender }) => {
      const scratch = scratchFrom(a.doc)
      appendParagraph(scratch.doc, '只存一次')
      sender.ws.send(updateMessage(scratch.updates[0]))
      await eventually(() => expect(a.text()).toContain('只存一次'))
      const logged = loggedUpdates(id)
      sender.ws.send(updateMessage(scratch.updates[0]))
      // A deletion after it, from the same socket: once it arrived, the repeat was handled.
      scratch.doc.getXmlFragment('default').delete(scratch.doc.getXmlFragment('default').length - 1, 1)
      sender.ws.send(updateMessage(scratch.updates[1]))
      await eventually(() => expect(a.text()).not.toContain('只存一次'))
      expect(relayedTo(watcher)).toHaveLength(2)
      expect(loggedUpdates(id)).toBe(logged + 1)
      expect(storedText(id)).toBe(a.text())
    }))

  it('holds back an update whose predecessor has not arrived, then stores and relays both', () =>
    withSender('缺了前一个', async ({ id, a, watcher, sender }) => {
      const scratch = scratchFrom(a.doc)
      appendParagraph(scratch.doc, '前')
      appendParagraph(scratch.doc, '后')
      const unrelated = scratchFrom(a.doc)
      unrelated.doc.getText('note').insert(0, '无关')
      const logged = loggedUpdates(id)
      sender.ws.send(updateMessage(scratch.updates[1]))
      // Something that needs nothing, from the same socket: once it arrived, the first was handled.
      sender.ws.send(updateMessage(unrelated.updates[0]))
      await eventually(() => expect(a.doc.getText('note').toString()).toBe('无关'))
      expect(a.text()).not.toContain('后')
      expect(relayedTo(watcher)).toHaveLength(1)
      expect(loggedUpdates(id)).toBe(logged + 1)

      sender.ws.send(updateMessage(scratch.updates[0]))
      await eventually(() => expect(a.text()).toBe(fragmentText(scratch.doc)))
      // What the watcher has: the document as the server sent it (step 2), and the relayed updates.
      const seen = new Y.Doc()
      for (const message of watcher.received.filter((bytes) => bytes[0] === 0 && bytes[1] !== 0)) {
        const decoder = decoding.createDecoder(message)
        decoding.readVarUint(decoder)
        decoding.readVarUint(decoder)
        Y.applyUpdate(seen, decoding.readVarUint8Array(decoder))
      }
      expect(fragmentText(seen)).toBe(fragmentText(scratch.doc))
      expect(storedText(id)).toBe(fragmentText(scratch.doc))
    }))
})

describe('readers', () => {
  for (const role of ['viewer', 'commenter'] as const) {
    it(`refuses a content update from a ${role}: it reaches no one and is not stored`, async () => {
      const id = await newDocument(`${role} 只读`)
      const writer = clients.connect(id, owner)
      const reader = clients.connect(id, role === 'viewer' ? viewer : commenter)
      await synced(writer, reader)
      appendParagraph(reader.doc, '不该出现')
      // Messages of one socket are handled in order: once the reader's later awareness
      // reached the writer, its content update has been handled (and dropped).
      reader.provider.awareness.setLocalStateField('barrier', true)
      await eventually(() => expect(writer.provider.awareness.getStates().get(reader.doc.clientID)?.barrier).toBe(true))
      appendParagraph(writer.doc, '编辑者的修改')
      await eventually(() => expect(reader.text()).toContain('编辑者的修改'))
      const late = clients.connect(id, owner)
      await synced(late)
      expect(late.text()).toContain('编辑者的修改')
      expect(late.text()).not.toContain('不该出现')
      expect(writer.text()).not.toContain('不该出现')
      expect(storedText(id)).not.toContain('不该出现')
    })

    it(`relays a ${role}'s awareness (cursor) to the others`, async () => {
      const id = await newDocument(`${role} 光标`)
      const writer = clients.connect(id, owner)
      const reader = clients.connect(id, role === 'viewer' ? viewer : commenter)
      await synced(writer, reader)
      reader.provider.awareness.setLocalStateField('user', { name: role })
      await eventually(() => {
        const state = writer.provider.awareness.getStates().get(reader.doc.clientID)
        // The server stamps the account on presence (here display name = user name).
        expect(state?.user).toEqual({ name: role, username: role })
      })
    })
  }

  it('removes a client\'s cursor from the others when it disconnects', async () => {
    const id = await newDocument('离开')
    const stays = clients.connect(id, owner)
    const leaves = clients.connect(id, editor)
    await synced(stays, leaves)
    leaves.provider.awareness.setLocalStateField('user', { name: 'leaves' })
    await eventually(() => expect(stays.provider.awareness.getStates().has(leaves.doc.clientID)).toBe(true))
    // Closing the socket without the client's own goodbye: the server must clean up.
    leaves.provider.shouldConnect = false
    leaves.provider.ws?.close()
    await eventually(() => expect(stays.provider.awareness.getStates().has(leaves.doc.clientID)).toBe(false))
  })

  it('shows both sides each other\'s presence as soon as a client reconnects, as the editor page does', async () => {
    const id = await newDocument('重连')
    const stays = clients.connect(id, owner)
    const returns = clients.connect(id, editor)
    for (const client of [stays, returns]) presenceOnReconnect(client.provider)
    await synced(stays, returns)
    stays.provider.awareness.setLocalStateField('user', { name: 'stays' })
    returns.provider.awareness.setLocalStateField('user', { name: 'returns' })
    const sees = (client: TestClient, other: TestClient) => client.provider.awareness.getStates().get(other.doc.clientID)?.user?.name
    await eventually(() => expect([sees(stays, returns), sees(returns, stays)]).toEqual(['editor', 'owner']))
    returns.provider.disconnect()
    await eventually(() => expect([sees(stays, returns), sees(returns, stays)]).toEqual([undefined, undefined]))
    returns.provider.connect()
    // Well before either renews its presence (every 15 s), neither state being newer than the one each side forgot.
    await eventually(() => expect([sees(stays, returns), sees(returns, stays)]).toEqual(['editor', 'owner']), { timeout: 3000 })
  })
})

describe('frozen documents', () => {
  it('refuses content updates from everyone, the owner included, while the document is locked', async () => {
    const id = await newDocument('锁定')
    const ownerClient = clients.connect(id, owner)
    const editorClient = clients.connect(id, editor)
    await synced(ownerClient, editorClient)
    const db = openDatabase(server.dataDir)
    try {
      setStatus(db, id, 'locked')
    } finally {
      db.close()
    }
    appendParagraph(ownerClient.doc, '锁定后所有者的修改')
    appendParagraph(editorClient.doc, '锁定后编辑者的修改')
    // Awareness still flows, which also shows the content messages had their chance.
    ownerClient.provider.awareness.setLocalStateField('marker', 'after-lock')
    editorClient.provider.awareness.setLocalStateField('marker', 'editor-after-lock')
    await eventually(() => {
      expect(editorClient.provider.awareness.getStates().get(ownerClient.doc.clientID)?.marker).toBe('after-lock')
      expect(ownerClient.provider.awareness.getStates().get(editorClient.doc.clientID)?.marker).toBe('editor-after-lock')
    })
    expect(editorClient.text()).not.toContain('锁定后所有者的修改')
    expect(ownerClient.text()).not.toContain('锁定后编辑者的修改')
    expect(storedText(id)).not.toContain('锁定后')
  })
})

describe('refusing connections', () => {
  function closeCode(url: string, headers: Record<string, string> = {}): Promise<number> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers })
      ws.on('close', (code) => resolve(code))
      ws.on('error', () => undefined)
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      setTimeout(() => reject(new Error('no close')), 5000)
    })
  }

  it('refuses a connection without a valid token', async () => {
    const id = await newDocument('无令牌')
    expect(await closeCode(`${server.wsUrl}/${id}`)).toBe(4401)
    expect(await closeCode(`${server.wsUrl}/${id}?token=forged`)).toBe(4401)
  })

  it('refuses a user who is not a member, and an unknown document', async () => {
    const id = await newDocument('非成员')
    expect(await closeCode(`${server.wsUrl}/${id}?token=${outsider}`)).toBe(4403)
    expect(await closeCode(`${server.wsUrl}/ffffffffffff?token=${owner}`)).toBe(4404)
  })

  it('refuses an editor page built for another document schema, and lets a script without one in', async () => {
    const id = await newDocument('旧版页面')
    // An editor of another schema version would delete the nodes it cannot build, for everyone.
    expect(await closeCode(`${server.wsUrl}/${id}?token=${owner}&schema=${SCHEMA_VERSION - 1}`)).toBe(4426)
    expect(await closeCode(`${server.wsUrl}/${id}?token=${owner}&schema=x`)).toBe(4426)
    // A page built before the editor sent its version: a browser (Origin) without `schema`.
    expect(await closeCode(`${server.wsUrl}/${id}?token=${owner}`, { Origin: server.url })).toBe(4426)
    // This version's editor, and a y-websocket script (no Origin, no version), are served.
    const page = connectClient(server, id, owner, { params: { schema: String(SCHEMA_VERSION) } })
    const script = connectClient(server, id, owner)
    await synced(page, script)
    page.destroy()
    script.destroy()
  })

  it('refuses a malformed document id at the upgrade', async () => {
    expect(await closeCode(`${server.wsUrl}/${'a'.repeat(200)}?token=${owner}`)).toBe(400)
    expect(await closeCode(`${server.wsUrl}/a%2Fb?token=${owner}`)).toBe(400)
  })

  it('closes a connection that sends more than the message limit with 1009', async () => {
    const small = await startTestServer({ maxMessageBytes: 4096 })
    try {
      const token = await small.user('big')
      const id = await small.createDocument(token, { title: '大消息' })
      const ws = new WebSocket(`${small.wsUrl}/${id}?token=${token}`)
      const code = await new Promise<number>((resolve) => {
        ws.on('open', () => ws.send(new Uint8Array(10_000)))
        ws.on('error', () => undefined)
        ws.on('close', (c) => resolve(c))
      })
      expect(code).toBe(1009)
    } finally {
      await small.close()
    }
  })

  it('closes a connection that sends an undecodable message, keeping the document and everyone else', async () => {
    const id = await newDocument('坏消息')
    const good = clients.connect(id, owner)
    await synced(good)
    // A real keystroke whose text is cut short: its header reads, its struct does not.
    const scratch = new Y.Doc()
    const keystrokes: Uint8Array[] = []
    scratch.on('update', (update: Uint8Array) => keystrokes.push(update))
    scratch.getText('t').insert(0, '统计')
    const damaged = keystrokes[0].slice(0, -3)
    for (const message of [new Uint8Array([0, 2, 50, 1, 2, 3]), updateMessage(damaged)]) {
      const ws = new WebSocket(`${server.wsUrl}/${id}?token=${editor}`)
      const code = await new Promise<number>((resolve) => {
        ws.on('open', () => ws.send(message))
        ws.on('error', () => undefined)
        ws.on('close', (c) => resolve(c))
      })
      expect(code).toBe(4400)
    }
    appendParagraph(good.doc, '仍然可用')
    await eventually(() => expect(storedText(id)).toContain('仍然可用'))
    // Refused before anything changed: the room was not reloaded under the others.
    expect(good.closeCodes).toEqual([])
  })
})
