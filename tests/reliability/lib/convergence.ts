import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { eventually } from '../../helpers/retry'
import { loadYDoc } from '../../../server/db/updates'
import { yClient, type YClient } from './clients'
import type { ServerProcess } from './serverProcess'

export interface ConvergenceResult {
  documentId: string
  token: string
  /** The body every client ended with, as Yjs XML. */
  body: string
  seed: number
  clients: number
  steps: number
  disconnects: number
}

/** One random edit on a client's body, as an editor would make it (paragraphs of formatted text). */
function randomEdit(gen: prng.PRNG, doc: Y.Doc): void {
  const body = doc.getXmlFragment('default')
  const paragraphs = body.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
  const textOf = (paragraph: Y.XmlElement) => {
    if (paragraph.length === 0 || !(paragraph.get(0) instanceof Y.XmlText)) paragraph.insert(0, [new Y.XmlText()])
    return paragraph.get(0) as Y.XmlText
  }
  const choice = prng.int32(gen, 0, 9)
  if (paragraphs.length === 0 || choice === 0) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(prng.word(gen, 1, 6))])
    body.insert(prng.int32(gen, 0, body.length), [paragraph])
    return
  }
  const paragraph = prng.oneOf(gen, paragraphs)
  if (choice === 1 && paragraphs.length > 1) {
    body.delete(body.toArray().indexOf(paragraph), 1)
    return
  }
  const text = textOf(paragraph)
  const length = text.length
  if (choice <= 5 || length === 0) {
    text.insert(prng.int32(gen, 0, length), prng.oneOf(gen, ['统计', '全县', '一', '，', '。', prng.word(gen, 1, 4)]))
  } else if (choice <= 8) {
    const from = prng.int32(gen, 0, length - 1)
    text.delete(from, prng.int32(gen, 1, Math.min(4, length - from)))
  } else {
    const from = prng.int32(gen, 0, length - 1)
    text.format(from, prng.int32(gen, 1, length - from), { bold: prng.bool(gen) ? true : null })
  }
}

/**
 * In the style of Yjs's applyRandomTests: `clients` y-websocket clients make seeded random edits
 * through the server while they randomly disconnect and reconnect; once all are back, every
 * client, a fresh client and the server's storage must hold the same document.
 */
export async function randomConvergence(server: ServerProcess, seed: number, clientCount = 5, steps = 600): Promise<ConvergenceResult> {
  const gen = prng.create(seed)
  const token = await server.user(`converge${seed}`)
  const documentId = await server.createDocument(token, { title: `收敛${seed}` })
  const clients: YClient[] = []
  let disconnects = 0
  try {
    for (let i = 0; i < clientCount; i++) clients.push(yClient(server.wsUrl, documentId, token))
    await eventually(() => {
      if (!clients.every((c) => c.provider.synced)) throw new Error('not synced')
    })
    for (let step = 0; step < steps; step++) {
      const client = prng.oneOf(gen, clients)
      if (prng.int32(gen, 0, 19) === 0) {
        if (client.provider.shouldConnect) {
          client.provider.disconnect()
          disconnects++
        } else client.provider.connect()
      } else {
        client.doc.transact(() => randomEdit(gen, client.doc))
      }
      // Let the network run now and then, so edits interleave with delivery.
      if (prng.int32(gen, 0, 3) === 0) await new Promise((resolve) => setTimeout(resolve, 0))
    }
    for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect()
    const fresh = yClient(server.wsUrl, documentId, token)
    clients.push(fresh)
    // The snapshot holds the delete set as well as the state vector: deletions advance no clock.
    const state = (client: YClient) => `${Buffer.from(Y.encodeSnapshot(Y.snapshot(client.doc))).toString('hex')}|${client.doc.getXmlFragment('default').toString()}`
    // On failure, say which replica differs and how (state vectors by client id, body length).
    const describe = () =>
      clients
        .map((client, i) => {
          const vector = [...Y.decodeStateVector(Y.encodeStateVector(client.doc))].map(([id, clock]) => `${id}:${clock}`).join(' ')
          return `#${i} synced=${client.provider.synced} connected=${client.provider.wsconnected} length=${client.doc.getXmlFragment('default').toString().length} sv=${vector}`
        })
        .join('\n')
    await eventually(
      () => {
        const first = state(clients[0])
        for (const client of clients) {
          if (!client.provider.synced) throw new Error(`seed ${seed}: not synced\n${describe()}`)
          if (state(client) !== first) throw new Error(`seed ${seed}: clients differ\n${describe()}`)
        }
      },
      { timeout: 20_000, interval: 50 },
    )
    // What the server stored is what everyone has.
    const db = server.openDb()
    try {
      const storedDoc = loadYDoc(db, documentId)!
      const storedBody = storedDoc.getXmlFragment('default').toString()
      storedDoc.destroy()
      if (storedBody !== clients[0].doc.getXmlFragment('default').toString()) throw new Error(`seed ${seed}: stored body differs from the clients'`)
    } finally {
      db.close()
    }
    return { documentId, token, body: clients[0].doc.getXmlFragment('default').toString(), seed, clients: clientCount, steps, disconnects }
  } finally {
    for (const client of clients) client.destroy()
  }
}
