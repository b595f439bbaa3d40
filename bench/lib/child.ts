import { spawn, type ChildProcess } from 'node:child_process'
import readline from 'node:readline'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const repoRoot = path.resolve(benchDir, '..')

/**
 * A TypeScript program run as its own Node process (`node --import tsx`, one process, so its
 * pid is the one doing the work). It speaks JSON lines: it prints messages on stdout and
 * reads commands on stdin.
 */
export class Child {
  readonly process: ChildProcess
  private readonly messages: any[] = []
  private waiters: { match: (m: any) => boolean; resolve: (m: any) => void; reject: (e: Error) => void }[] = []
  private stderr = ''
  private exited: Promise<number | null>

  constructor(script: string, args: string[] = [], options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[]; cwd?: string } = {}) {
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', script, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    readline.createInterface({ input: this.process.stdout! }).on('line', (line) => {
      let message: any
      try {
        message = JSON.parse(line)
      } catch {
        return // not a protocol line (e.g. a log line)
      }
      this.messages.push(message)
      for (const waiter of [...this.waiters]) {
        if (waiter.match(message)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1)
          waiter.resolve(message)
        }
      }
    })
    this.process.stderr!.on('data', (chunk) => {
      this.stderr = (this.stderr + chunk).slice(-4000)
    })
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code) => {
        for (const waiter of this.waiters) waiter.reject(new Error(`${path.basename(script)} exited (${code}) before sending the expected message\n${this.stderr}`))
        this.waiters = []
        resolve(code)
      })
    })
  }

  get pid(): number {
    return this.process.pid!
  }

  /** The first message (already received or still to come) whose `type` is `type`. */
  waitFor<T = any>(type: string, timeoutMs = 120_000): Promise<T> {
    const found = this.messages.find((m) => m.type === type)
    if (found) return Promise.resolve(found)
    if (this.process.exitCode !== null) return Promise.reject(new Error(`process exited before "${type}"\n${this.stderr}`))
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for "${type}"\n${this.stderr}`)), timeoutMs)
      this.waiters.push({
        match: (m) => m.type === type,
        resolve: (m) => {
          clearTimeout(timer)
          resolve(m)
        },
        reject: (e) => {
          clearTimeout(timer)
          reject(e)
        },
      })
    })
  }

  send(command: unknown): void {
    this.process.stdin!.write(JSON.stringify(command) + '\n')
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGTERM')
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000)
    await this.exited
    clearTimeout(timer)
  }

  async done(): Promise<number | null> {
    return this.exited
  }
}

/** Runs a load generator from bench/clients with a JSON config and returns its "result" message. */
export async function runClient<T = any>(name: string, config: unknown, timeoutMs = 180_000): Promise<T> {
  const child = new Child(path.join(benchDir, 'clients', `${name}.ts`), [JSON.stringify(config)])
  try {
    return await child.waitFor<T>('result', timeoutMs)
  } finally {
    await child.stop()
  }
}
