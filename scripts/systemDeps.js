// Makes sure the Debian packages the test suite drives are present: Chromium (browser
// tests), CJK fonts (so Chinese renders in screenshots and PDFs), LibreOffice and
// poppler (the .docx → PDF layout test). Installs them with apt-get when running as
// root; otherwise stops with the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const REQUIRED = [
  { pkg: 'chromium', present: () => chromiumPath() !== undefined },
  { pkg: 'fonts-noto-cjk', present: () => hasFile('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') || fcHas('Noto Sans CJK') },
  { pkg: 'libreoffice-writer', present: () => onPath('soffice') || onPath('libreoffice') },
  { pkg: 'poppler-utils', present: () => onPath('pdftoppm') },
]

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean)
  return candidates.find((path) => existsSync(path))
}

function hasFile(path) {
  return existsSync(path)
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function fcHas(family) {
  const result = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' })
  return result.status === 0 && result.stdout.includes(family)
}

export function ensureSystemPackages() {
  const missing = REQUIRED.filter((entry) => !entry.present()).map((entry) => entry.pkg)
  if (missing.length === 0) return
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    console.error(`The tests need Debian packages that are missing: ${missing.join(', ')}.\nRun as root:\n  ${command}`)
    process.exit(1)
  }
  console.log(`Installing test dependencies: ${missing.join(', ')}`)
  execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}
