// Seeds the demo data folder (run by scripts/demo.js): three accounts and one imported draft.
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { openDatabase } from './db/database'
import { createUser } from './db/users'
import { setMember } from './db/documents'
import { seedDocument, titleText } from './seedDocument'
import { decodeText } from './decodeText'
import { importText } from '../shared/import/importText'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: demo.ts DATA_DIR')

const repo = path.resolve(import.meta.dirname, '..')
const examples = path.join(repo, 'examples')
const exampleFiles = fs.existsSync(examples) ? fs.readdirSync(examples).filter((f) => f.endsWith('.txt')).sort() : []
const drafts = exampleFiles.length > 0
  ? exampleFiles.map((f) => path.join(examples, f))
  : [path.resolve(repo, '../shared/samples/county-stats-bureau-2022-summary.txt')]

const db = openDatabase(dataDir)
const accounts = [
  { username: 'drafter', displayName: '起草人（李明）', role: 'editor' as const },
  { username: 'reviewer', displayName: '审核人（王芳）', role: 'commenter' as const },
  { username: 'leader', displayName: '局领导（张强）', role: 'owner' as const },
]
const passwords = new Map<string, string>()
for (const account of accounts) {
  const password = randomBytes(6).toString('base64url')
  passwords.set(account.username, password)
  createUser(db, { username: account.username, password, displayName: account.displayName })
}
for (const file of drafts) {
  const { doc, report } = importText(decodeText(fs.readFileSync(file)))
  const title = titleText(doc) || path.basename(file, '.txt')
  const record = seedDocument(db, { title, doc, report, owner: 'leader' })
  setMember(db, record.id, 'drafter', 'editor')
  setMember(db, record.id, 'reviewer', 'commenter')
  console.log(`示例文档：${title}`)
}
db.close()

console.log('\n演示账号 (demo accounts):')
for (const account of accounts) {
  console.log(`  ${account.username.padEnd(9)} 密码 ${passwords.get(account.username)}   ${account.displayName}，文档角色 ${account.role}`)
}
