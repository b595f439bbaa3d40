// Keeps one client connected to each of many documents (so the server holds them open) until
// told to finish. With `seedSample`, each client brings the sample's content (the references
// start empty; ours imported it when the document was created).
import fs from 'node:fs'
import * as Y from 'yjs'
import { connectMany, type Target } from './connect'
import { importText } from '../../shared/import/importText'
import { docJsonToUpdate } from '../../shared/ydoc'
import { emit, nextCommand, readConfig, sleep } from '../lib/io'

interface Config {
  target: Target
  docs: string[]
  seedSample?: string
}

const config = readConfig<Config>()
const seed = config.seedSample ? docJsonToUpdate(importText(fs.readFileSync(config.seedSample, 'utf8')).doc) : undefined
const t0 = performance.now()
const clients = await connectMany(config.target, (i) => config.docs[i], config.docs.length, (ydoc) => {
  if (seed) Y.applyUpdate(ydoc, seed)
})
emit({ type: 'ready', connectMs: performance.now() - t0, seedBytes: seed?.byteLength })
await nextCommand()
for (const client of clients) client.destroy()
await sleep(200)
emit({ type: 'result' })
process.exit(0)
