import readline from 'node:readline'

/** The side of the JSON-lines protocol that runs inside a load generator or server process. */
export function emit(message: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(message) + '\n')
}

export function readConfig<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T
}

const commands: any[] = []
const waiting: ((command: any) => void)[] = []
let listening = false

/** The next command sent by the orchestrator on stdin. */
export function nextCommand<T = any>(): Promise<T> {
  if (!listening) {
    listening = true
    readline.createInterface({ input: process.stdin }).on('line', (line) => {
      const command = JSON.parse(line)
      const waiter = waiting.shift()
      if (waiter) waiter(command)
      else commands.push(command)
    })
  }
  const queued = commands.shift()
  if (queued) return Promise.resolve(queued)
  return new Promise((resolve) => waiting.push(resolve))
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Resolves when `condition` holds, checking every `everyMs`; rejects after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs: number, everyMs = 10): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) return false
    await sleep(everyMs)
  }
  return true
}
