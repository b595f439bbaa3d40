import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Child, benchDir, repoRoot } from './child'
import type { ServerKind, Target } from '../clients/connect'

export const serverLabels: Record<ServerKind, string> = {
  hegao: 'hegao (SQLite+auth)',
  yws: '@y/websocket-server',
  hocuspocus: '@hocuspocus/server',
  floor: 'bare ws floor',
}

const portBase = Number(process.env.BENCH_PORT_BASE ?? 18500)
const ports: Record<ServerKind, number> = { hegao: portBase, yws: portBase + 1, hocuspocus: portBase + 2, floor: portBase + 3 }
const ADMIN_PASSWORD = 'bench-admin-password'

export interface BenchServer {
  kind: ServerKind
  pid: number
  target: Target
  httpUrl: string
  /** A document to use: created through the API for hegao (with `text` imported), just a name elsewhere. */
  createDocument(name: string, text?: string): Promise<string>
  /** Stops the process and starts a new one on the same storage. */
  restart(): Promise<void>
  stop(): Promise<void>
}

export interface StartOptions {
  /** For the references: a stored Yjs update every document is loaded from (cold load). */
  loadFile?: string
  nodeArgs?: string[]
}

export async function startBenchServer(kind: ServerKind, options: StartOptions = {}): Promise<BenchServer> {
  // BENCH_CPU_PROF=<dir>: every server process writes a V8 CPU profile there when it stops.
  const profileDir = process.env.BENCH_CPU_PROF
  if (profileDir && !options.nodeArgs) options = { ...options, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir, kind)] }
  // BENCH_NODE_ARGS="--perf-basic-prof": extra Node flags for every server process (e.g. for `perf`).
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean)
  if (extra?.length) options = { ...options, nodeArgs: [...(options.nodeArgs ?? []), ...extra] }
  return kind === 'hegao' ? startHegao(options) : startReference(kind, options)
}

async function startReference(kind: Exclude<ServerKind, 'hegao'>, options: StartOptions): Promise<BenchServer> {
  const script = { yws: 'yWebsocketServer.ts', hocuspocus: 'hocuspocusServer.ts', floor: 'wsFloorServer.ts' }[kind]
  const port = ports[kind]
  const env = { PORT: String(port), ...(options.loadFile ? { BENCH_LOAD_FILE: options.loadFile } : {}) }
  const launch = async () => {
    const child = new Child(path.join(benchDir, 'servers', script), [], { env, nodeArgs: options.nodeArgs })
    await child.waitFor('listening', 30_000)
    return child
  }
  let child = await launch()
  const server: BenchServer = {
    kind,
    get pid() {
      return child.pid
    },
    target: { kind, wsUrl: `ws://127.0.0.1:${port}` },
    httpUrl: `http://127.0.0.1:${port}`,
    createDocument: async (name) => name,
    async restart() {
      await child.stop()
      child = await launch()
    },
    stop: () => child.stop(),
  }
  return server
}

async function startHegao(options: StartOptions): Promise<BenchServer> {
  const port = ports.hegao
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hegao-bench-'))
  const httpUrl = `http://127.0.0.1:${port}`
  const env = { PORT: String(port), HOST: '127.0.0.1', HEGAO_DATA: dataDir, HEGAO_ADMIN_PASSWORD: ADMIN_PASSWORD, HEGAO_LOG: 'silent',
    // Every simulated client signs in as the same account; the per-account cap (20 tabs) is for people.
    HEGAO_MAX_CONNECTIONS_PER_USER: '100000',
    // For profiling the page with readable names: an unminified build served instead.
    ...(process.env.BENCH_STATIC_DIR ? { HEGAO_STATIC_DIR: process.env.BENCH_STATIC_DIR } : {}),
  }
  const launch = async () => {
    // Our server is found by polling its port: a server left there by an interrupted run would
    // answer instead, and be measured in its place while the new one failed to listen.
    await ensurePortFree(port)
    // BENCH_HEGAO_ROOT: run the server of another checkout (A/B of a proposed change).
    const root = process.env.BENCH_HEGAO_ROOT ?? repoRoot
    const child = new Child(path.join(root, 'server', 'main.ts'), [], { env, nodeArgs: options.nodeArgs, cwd: root })
    const deadline = Date.now() + 30_000
    for (;;) {
      try {
        if ((await fetch(`${httpUrl}/healthz`)).ok) return child
      } catch {
        // not listening yet
      }
      if (child.process.exitCode !== null || Date.now() > deadline) throw new Error('hegao server did not start')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  let child = await launch()
  const api = async (method: string, urlPath: string, body?: unknown, token?: string) => {
    const response = await fetch(httpUrl + urlPath, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${method} ${urlPath}: ${response.status} ${await response.text()}`)
    return response.json() as Promise<any>
  }
  const token = (await api('POST', '/api/login', { username: 'admin', password: ADMIN_PASSWORD })).token as string
  return {
    kind: 'hegao',
    get pid() {
      return child.pid
    },
    target: { kind: 'hegao', wsUrl: `ws://127.0.0.1:${port}`, token },
    httpUrl,
    async createDocument(name, text) {
      return (await api('POST', '/api/documents', { title: name, ...(text ? { text } : {}) }, token)).id as string
    },
    async restart() {
      await child.stop()
      child = await launch()
    },
    async stop() {
      await child.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Throws if something already listens on the port (a server an interrupted run left behind). */
async function ensurePortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} is in use: stop what listens there (a server left by an interrupted bench run?) or set BENCH_PORT_BASE`) : error),
    )
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()))
  })
}
