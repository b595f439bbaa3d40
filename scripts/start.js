// `npm start`: builds the client once if there is no build yet, then runs the server.
import { existsSync } from 'node:fs'
import { execFileSync, spawn } from 'node:child_process'

if (!existsSync('dist/client/index.html')) {
  console.log('Building the client (first start)…')
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
}
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' })
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
