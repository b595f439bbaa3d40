// The command-line tool: `npm run -s cli -- <command>` or the package bin `hegao`.
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config'
import { openDatabase } from '../db/database'
import { createUser, usernameTaken } from '../db/users'
import type { DocJSON } from '../../shared/docJson'
import { readDraftFile } from './draftFile'
import { backupDatabase } from './backup'
import { formatOutline, formatReport, formatCheck } from './format'
import { USAGE, UsageError } from './usage'

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>

function parse(args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`需要一个${what}`)
  return positionals[0]
}

async function userAdd(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { password: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' } })
  const username = onePositional(positionals, '用户名')
  if (!/^[A-Za-z0-9_.-]{1,32}$/.test(username)) throw new UsageError('用户名只能包含字母、数字、下划线、点和连字符（最多 32 个）')
  const password = values.password as string | undefined
  if (!password) throw new UsageError('缺少 --password')
  if (password.length < 8) throw new UsageError('密码至少 8 个字符')
  const config = loadConfig()
  const db = openDatabase(config.dataDir)
  try {
    const taken = usernameTaken(db, username)
    if (taken) {
      console.error(`账号已存在：${taken}${taken === username ? '' : '（用户名不区分大小写）'}`)
      return 1
    }
    const user = createUser(db, { username, password, displayName: values.name as string | undefined, admin: Boolean(values.admin) })
    console.log(`已创建账号 ${user.username}（${user.displayName}）${user.admin ? '，管理员' : ''}`)
    return 0
  } finally {
    db.close()
  }
}

function backupCommand(args: string[]): number {
  const { positionals } = parse(args, {})
  const out = onePositional(positionals, '备份文件名')
  const { documents, accounts, bytes } = backupDatabase(loadConfig().dataDir, out)
  console.log(`已备份到 ${out}（${documents} 份文档，${accounts} 个账号，${(bytes / 1024 / 1024).toFixed(1)} MB）`)
  return 0
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } })
  const { doc, report } = await readDraftFile(onePositional(positionals, '草稿文件'))
  // Loaded per command, so `user add` works without the document modules.
  const { buildOutline } = await import('../../shared/outline')
  const outline = buildOutline(doc)
  if (values.json) console.log(JSON.stringify({ outline, import: report }, null, 2))
  else console.log(`${formatOutline(outline)}\n\n${formatReport(report)}`)
  return 0
}

async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } })
  const { doc, report } = await readDraftFile(onePositional(positionals, '草稿文件'))
  const { preSubmissionCheck } = await import('../../shared/check/index')
  const result = preSubmissionCheck(doc, { importCorrections: report.corrections })
  console.log(values.json ? JSON.stringify(result, null, 2) : formatCheck(result))
  return result.ready ? 0 : 1
}

async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, o: { type: 'string', short: 'o' }, output: { type: 'string' } })
  const file = onePositional(positionals, '草稿文件')
  const format = values.format as string | undefined
  const out = (values.o ?? values.output) as string | undefined
  if (format !== 'docx' && format !== 'txt' && format !== 'md') throw new UsageError('--format 必须是 docx、txt 或 md')
  if (!out) throw new UsageError('缺少 -o OUT')
  const { doc } = await readDraftFile(file)
  const data = await exportAs(doc, format)
  fs.writeFileSync(out, data)
  console.log(`已导出 ${out}`)
  return 0
}

async function exportAs(doc: DocJSON, format: 'docx' | 'txt' | 'md'): Promise<string | Buffer> {
  // The exporters are loaded only when asked for (docx pulls in a large library).
  if (format === 'docx') {
    const { exportDocx } = await import('../export/docx')
    return exportDocx(doc)
  }
  if (format === 'md') {
    const { exportMarkdown } = await import('../../shared/export/markdown')
    return exportMarkdown(doc)
  }
  const { exportText } = await import('../../shared/export/text')
  return exportText(doc)
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'user':
      if (rest[0] !== 'add') throw new UsageError('未知的 user 子命令（可用：user add）')
      return userAdd(rest.slice(1))
    case 'backup':
      return backupCommand(rest)
    case 'import':
      return importCommand(rest)
    case 'check':
      return checkCommand(rest)
    case 'export':
      return exportCommand(rest)
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE)
      return 0
    default:
      throw new UsageError(command ? `未知命令：${command}` : '缺少命令')
  }
}

try {
  process.exitCode = await run(process.argv.slice(2))
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`错误：${error.message}\n\n${USAGE}`)
    process.exitCode = 2
  } else {
    console.error(`错误：${(error as Error).message}`)
    process.exitCode = 1
  }
}
