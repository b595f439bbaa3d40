// `npm start`: reads the environment, makes sure an admin exists, serves until SIGTERM/SIGINT.
import { loadConfig } from './config'
import { startServer } from './app'
import { log } from './log'

const started = Date.now()
let config
try {
  config = loadConfig()
} catch (error) {
  console.error((error as Error).message)
  process.exit(2)
}

const server = await startServer(config)
const createdPassword = server.createdAdminPassword
if (createdPassword) {
  // Printed once, on stdout only, and never written to the structured log.
  console.log(`\n首次启动：已创建管理员账号 admin，密码：${createdPassword}\n(first start: created account "admin" with password ${createdPassword})\n`)
}
log.info('server listening', { url: server.url, dataDir: config.dataDir, startupMs: Date.now() - started })

// `kill -USR2`: one log line of what is held open (the soak and the churn test read it).
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc) gc()
  log.info('server stats', { ...server.stats() })
})

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    log.info('stopping', { signal })
    server.close().then(
      () => process.exit(0),
      (error) => {
        log.error('stopping failed', { error })
        process.exit(1)
      },
    )
  })
}
