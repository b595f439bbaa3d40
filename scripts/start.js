// `npm start`: builds the client when there is no build yet or its sources are newer than the
// build (after a `git pull`, say), then runs the server.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { execFileSync, spawn } from 'node:child_process'

const BUILD = 'dist/client/index.html'
/** What the client build is made from: its own code, the code it shares with the server, the build's settings and the locked dependencies. */
const SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json']

/** The latest modification time among `entry` and everything below it. */
function newest(entry) {
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newest(path.join(entry, name))))
}

const built = existsSync(BUILD) ? statSync(BUILD).mtimeMs : 0
if (!built || Math.max(...SOURCES.filter(existsSync).map(newest)) > built) {
  console.log(built ? 'Building the client (its sources changed since the last build)…' : 'Building the client (first start)…')
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
}
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' })
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
