import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { startServer, type RunningServer } from '../../server/app'
import { setLogQuiet } from '../../server/log'
import type { Config } from '../../server/config'
import { requestApi, type ApiOptions, type ApiResponse } from './api'

export const ADMIN_PASSWORD = 'admin-test-password'

export type { ApiResponse }

export interface TestServer {
  url: string
  wsUrl: string
  dataDir: string
  adminToken: string
  /** Calls the HTTP API; `body` is sent as JSON unless it is FormData or a string. */
  api<T = any>(method: string, path: string, options?: ApiOptions): Promise<ApiResponse<T>>
  /** Creates an account (through the admin API) and returns a signed-in token for it. */
  user(username: string, password?: string): Promise<string>
  /** Creates a document owned by `token`'s user and returns its id. */
  createDocument(token: string, body: { title?: string; text?: string }): Promise<string>
  /** Stops the server and starts a new one on the same data folder (new port). */
  restart(): Promise<void>
  close(): Promise<void>
}

/** A real server, in-process, on port 0 with a fresh temporary data folder. */
export async function startTestServer(options: Partial<Config> = {}): Promise<TestServer> {
  setLogQuiet(true)
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hegao-test-'))
  const config = { port: 0, host: '127.0.0.1', adminPassword: ADMIN_PASSWORD, staticDir: path.join(dataDir, 'no-client'), ...options, dataDir }
  let running: RunningServer = await startServer(config)

  const api: TestServer['api'] = (method, urlPath, options) => requestApi(running.url, method, urlPath, options)

  const login = async (username: string, password: string) => {
    const response = await api('POST', '/api/login', { body: { username, password } })
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status}`)
    return response.body.token as string
  }
  const adminToken = await login('admin', ADMIN_PASSWORD)

  const env: TestServer = {
    get url() {
      return running.url
    },
    get wsUrl() {
      return running.url.replace(/^http/, 'ws') + '/collab'
    },
    dataDir,
    adminToken,
    api,
    async user(username, password = `${username}-password`) {
      const created = await api('POST', '/api/users', { token: adminToken, body: { username, password, displayName: username } })
      if (created.status !== 201) throw new Error(`creating ${username} failed: ${created.status} ${JSON.stringify(created.body)}`)
      return login(username, password)
    },
    async createDocument(token, body) {
      const created = await api('POST', '/api/documents', { token, body })
      if (created.status !== 201) throw new Error(`creating a document failed: ${created.status} ${JSON.stringify(created.body)}`)
      return created.body.id as string
    },
    async restart() {
      await running.close()
      running = await startServer(config)
    },
    async close() {
      await running.close()
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return env
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** The close codes this client's socket was closed with, in order. */
  closeCodes: number[]
  text(): string
  destroy(): void
}

export interface ClientOptions {
  connect?: boolean
  /** Whether to reconnect after a close; y-websocket's default when absent. */
  shouldReconnect?: (event: CloseEvent) => boolean
  /** More query parameters of the connection (the editor's `schema`). */
  params?: Record<string, string>
}

/** A real y-websocket client in Node, as the browser editor would connect, to `wsUrl` (…/collab). */
export function openClient(wsUrl: string, documentId: string, token: string, options: ClientOptions = {}): TestClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    params: { token, ...options.params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 200,
    ...(options.shouldReconnect ? { shouldReconnect: options.shouldReconnect } : {}),
  })
  const closeCodes: number[] = []
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) closeCodes.push(event.code)
  })
  return {
    doc,
    provider,
    closeCodes,
    text: () => fragmentText(doc),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** A real y-websocket client of an in-process test server. */
export function connectClient(server: TestServer, documentId: string, token: string, options: ClientOptions = {}): TestClient {
  return openClient(server.wsUrl, documentId, token, options)
}

/** All text of the body fragment, blocks separated by newlines. */
export function fragmentText(doc: Y.Doc): string {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? elementText(node) : node.toString()))
    .join('\n')
}

function elementText(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? child.toString().replace(/<[^>]*>/g, '') : child instanceof Y.XmlElement ? elementText(child) : ''))
    .join('')
}

/** Appends a paragraph with `text` to the body, as an editor would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment('default').push([paragraph])
}
