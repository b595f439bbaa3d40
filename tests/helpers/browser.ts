import { chromium, type Browser } from 'playwright-core'
// @ts-expect-error plain JS module shared with scripts/
import { chromiumPath } from '../../scripts/systemDeps.js'

/** Launches Debian's headless Chromium (installed by scripts/test.js when missing). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath()
  if (!executablePath) throw new Error('Chromium not found: run `apt-get install -y chromium fonts-noto-cjk` (npm test does this as root)')
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  })
}
