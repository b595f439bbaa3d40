// Cold load, from a fresh process: mode "build" writes the typing trace to a file; "seed"
// pushes it to a server that stores what clients send; "connect" times connect→synced of a
// fresh client; "decode" times just applying the same update to a Y.Doc (the floor).
import fs from 'node:fs'
import * as Y from 'yjs'
import { connect, withTimeout, type Target } from './connect'
import { buildTypingTrace } from './typingTrace'
import { textNodes } from './editing'
import { emit, readConfig, sleep, until } from '../lib/io'

interface Config {
  mode: 'build' | 'seed' | 'connect' | 'decode'
  file: string
  edits?: number
  target?: Target
  doc?: string
  length?: number
}

const config = readConfig<Config>()
const visibleLength = (ydoc: Y.Doc) => textNodes(ydoc).reduce((sum, text) => sum + text.length, 0)

if (config.mode === 'build') {
  const { update, length } = buildTypingTrace(config.edits!)
  fs.writeFileSync(config.file, update)
  emit({ type: 'result', bytes: update.byteLength, length })
} else if (config.mode === 'decode') {
  const update = new Uint8Array(fs.readFileSync(config.file))
  const t0 = performance.now()
  const ydoc = new Y.Doc()
  Y.applyUpdate(ydoc, update)
  const ms = performance.now() - t0
  emit({ type: 'result', ms, length: visibleLength(ydoc) })
} else if (config.mode === 'seed') {
  const ydoc = new Y.Doc()
  Y.applyUpdate(ydoc, new Uint8Array(fs.readFileSync(config.file)))
  const client = connect(config.target!, config.doc!, ydoc)
  await withTimeout(client.synced, 60_000, 'seed sync')
  // The server asks for what it lacks after its own step 1; check with a second client.
  const check = connect(config.target!, config.doc!)
  await withTimeout(check.synced, 60_000, 'check sync')
  // Our documents start with a title line of their own, so "at least the trace".
  const ok = await until(() => visibleLength(check.ydoc) >= config.length!, 30_000, 50)
  const length = visibleLength(check.ydoc)
  check.destroy()
  client.destroy()
  await sleep(300)
  emit({ type: 'result', ok, length })
} else {
  const t0 = performance.now()
  const client = connect(config.target!, config.doc!)
  await withTimeout(client.synced, 60_000, 'cold sync')
  const ms = performance.now() - t0
  const length = visibleLength(client.ydoc)
  client.destroy()
  emit({ type: 'result', ms, length })
}
process.exit(0)
