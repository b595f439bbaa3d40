import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { ServerStats } from '../../../server/app'
import { requestApi, type ApiOptions, type ApiResponse } from '../../helpers/api'

export const repoRoot = path.resolve(import.meta.dirname, '../../..')
export const ADMIN_PASSWORD = 'reliability-admin-password'

export type { ApiResponse }

/**
 * The real server as a separate process (`node --import tsx server/main.ts`), as it runs in
 * production: it can be killed with SIGKILL, stopped with SIGTERM and restarted on the same
 * port and data folder, and its log lines are kept for the tests to read.
 */
export interface ServerProcess {
  readonly url: string
  readonly wsUrl: string
  readonly port: number
  readonly dataDir: string
  /** Every log line printed so far (stdout and stderr), across restarts. */
  readonly output: string[]
  readonly adminToken: string
  api<T = any>(method: string, urlPath: string, options?: ApiOptions): Promise<ApiResponse<T>>
  user(username: string, displayName?: string): Promise<string>
  createDocument(token: string, body: { title?: string; text?: string }): Promise<string>
  share(ownerToken: string, documentId: string, username: string, role: string): Promise<void>
  /** Sends the signal and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Starts the server again on the same port and data folder. */
  restart(): Promise<void>
  /** What the server holds open, read from its `server stats` log line (SIGUSR2). */
  stats(): Promise<ServerStats>
  /** Opens the database file next to the running server (WAL: reads and short writes are fine). */
  openDb(): Database.Database
  close(): Promise<void>
}

export interface SpawnOptions {
  env?: Record<string, string>
  /** Lets `stats()` collect garbage first, so heap figures compare like with like. */
  exposeGc?: boolean
}

export async function spawnServer(options: SpawnOptions = {}): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hegao-reliability-'))
  const output: string[] = []
  let child: ChildProcess
  let port = 0
  let url = ''
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  const waiters = new Set<(line: string) => void>()

  const start = async () => {
    child = spawn(process.execPath, [...(options.exposeGc ? ['--expose-gc'] : []), '--import', 'tsx', 'server/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        HEGAO_DATA: dataDir,
        HEGAO_ADMIN_PASSWORD: ADMIN_PASSWORD,
        HEGAO_STATIC_DIR: path.join(dataDir, 'no-client'),
        HEGAO_LOG: 'info',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const current = child
    exited = new Promise((resolve) => current.once('exit', (code, signal) => resolve({ code, signal })))
    for (const stream of [child.stdout!, child.stderr!]) {
      let partial = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n')
        partial = lines.pop()!
        for (const line of lines) {
          output.push(line)
          for (const waiter of [...waiters]) waiter(line)
        }
      })
    }
    const listening = await nextLine((line) => line.includes('"msg":"server listening"'), 20_000, exited)
    url = JSON.parse(listening).url
    port = Number(new URL(url).port)
  }

  /** Resolves with the next log line that matches; rejects if the process exits first. */
  const nextLine = (match: (line: string) => boolean, timeout: number, exit?: Promise<unknown>) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`no matching server log line within ${timeout} ms:\n${output.slice(-20).join('\n')}`)), timeout)
      const waiter = (line: string) => match(line) && done(undefined, line)
      const done = (error?: Error, line?: string) => {
        clearTimeout(timer)
        waiters.delete(waiter)
        if (error) reject(error)
        else resolve(line!)
      }
      waiters.add(waiter)
      void exit?.then(() => done(new Error(`server exited:\n${output.slice(-20).join('\n')}`)))
    })

  await start()

  const api: ServerProcess['api'] = (method, urlPath, options) => requestApi(url, method, urlPath, options)
  const login = async (username: string, password: string) => {
    const response = await api('POST', '/api/login', { body: { username, password } })
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status}`)
    return response.body.token as string
  }
  const adminToken = await login('admin', ADMIN_PASSWORD)

  return {
    get url() {
      return url
    },
    get wsUrl() {
      return url.replace(/^http/, 'ws') + '/collab'
    },
    get port() {
      return port
    },
    dataDir,
    output,
    adminToken,
    api,
    async user(username, displayName = username) {
      const password = `${username}-password`
      const created = await api('POST', '/api/users', { token: adminToken, body: { username, password, displayName } })
      if (created.status !== 201) throw new Error(`creating ${username} failed: ${created.status} ${JSON.stringify(created.body)}`)
      return login(username, password)
    },
    async createDocument(token, body) {
      const created = await api('POST', '/api/documents', { token, body })
      if (created.status !== 201) throw new Error(`creating a document failed: ${created.status} ${JSON.stringify(created.body)}`)
      return created.body.id as string
    },
    async share(ownerToken, documentId, username, role) {
      const response = await api('PUT', `/api/documents/${documentId}/members/${username}`, { token: ownerToken, body: { role } })
      if (response.status !== 200) throw new Error(`sharing failed: ${response.status} ${JSON.stringify(response.body)}`)
    },
    async kill(signal) {
      child.kill(signal)
      return exited
    },
    async restart() {
      await start()
    },
    async stats() {
      const line = nextLine((l) => l.includes('"msg":"server stats"'), 10_000)
      child.kill('SIGUSR2')
      return JSON.parse(await line) as ServerStats
    },
    openDb() {
      const db = new Database(path.join(dataDir, 'hegao.sqlite'))
      db.pragma('busy_timeout = 5000')
      return db
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
