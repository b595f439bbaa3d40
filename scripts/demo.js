// `npm run demo`: a fresh demo data folder with three accounts and an imported draft, then the server.
import fs from 'node:fs'
import { execFileSync, spawn } from 'node:child_process'

const dataDir = process.env.HEGAO_DEMO_DATA || './demo-data'
fs.rmSync(dataDir, { recursive: true, force: true })

if (!fs.existsSync('dist/client/index.html')) {
  console.log('Building the client (first run)…')
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
}
execFileSync(process.execPath, ['--import', 'tsx', 'server/demo.ts', dataDir], { stdio: 'inherit' })

const host = process.env.HOST || '127.0.0.1'
const port = process.env.PORT || '8080'
console.log(`\n在两个浏览器窗口中打开 http://${host}:${port}/ ，分别以 drafter 和 reviewer 登录，即可体验协同编辑。\n`)
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, HEGAO_DATA: dataDir },
})
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))
// `npm run` starts this through `sh -c`, which dies on SIGTERM without passing it on: when our
// parent goes away, stop the server cleanly instead of leaving it running as an orphan.
const parent = process.ppid
setInterval(() => {
  if (process.ppid !== parent) server.kill('SIGTERM')
}, 500).unref()
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
