// `npm test`: installs what the browser and layout tests need, builds the client the
// browser tests load, then runs every vitest test (unit, integration, e2e).
import { execFileSync } from 'node:child_process'
import { ensureSystemPackages } from './systemDeps.js'

ensureSystemPackages()
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
try {
  execFileSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit' })
} catch (error) {
  process.exit(error.status ?? 1)
}
