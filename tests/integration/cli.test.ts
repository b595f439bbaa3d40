import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFile } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { appendParagraph, connectClient, startTestServer } from '../helpers/server'
import { eventually } from '../helpers/retry'

const repo = path.resolve(import.meta.dirname, '../..')
const SAMPLE = path.resolve(repo, '../shared/samples/county-stats-bureau-2022-summary.txt')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hegao-cli-'))

function hegao(args: string[], data = dataDir): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repo, 'bin/hegao.js'), ...args], { cwd: repo, env: { ...process.env, HEGAO_DATA: data } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

describe('the hegao command', () => {
  it('adds an account that can then sign in to the server', async () => {
    const added = await hegao(['user', 'add', 'zhang', '--password', 'secret-123', '--name', '张科长', '--admin'])
    expect(added.code).toBe(0)
    const server = await startTestServer({ dataDir })
    try {
      const login = await server.api('POST', '/api/login', { body: { username: 'zhang', password: 'secret-123' } })
      expect(login.status).toBe(200)
      expect(login.body.user).toEqual({ username: 'zhang', displayName: '张科长', admin: true })
    } finally {
      await server.close()
    }
    expect((await hegao(['user', 'add', 'zhang', '--password', 'secret-123'])).code).toBe(1)
  })

  it('exits with 2 and the usage on a bad call', async () => {
    for (const args of [['frobnicate'], ['user', 'add', 'li'], ['export', SAMPLE, '--format', 'pdf', '-o', '/tmp/x']]) {
      const result = await hegao(args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toContain('用法')
    }
  })

  it('prints the outline and import report of a draft as JSON', async () => {
    const result = await hegao(['import', SAMPLE, '--json'])
    expect(result.code).toBe(0)
    const parsed = JSON.parse(result.stdout)
    expect(parsed.outline).toMatchObject({ title: '县统计局领导班子2022年工作总结及下一步工作打算', placeholders: 25 })
    expect(parsed.import.corrections.length).toBeGreaterThan(0)
  })

  it('backs up the database while the server runs and people type; a server started on the copy has what was stored', async () => {
    const liveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hegao-live-'))
    const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hegao-restored-'))
    const backup = path.join(dataDir, 'backup.sqlite')
    const live = await startTestServer({ dataDir: liveDir })
    const typist = await live.user('typist')
    const id = await live.createDocument(typist, { title: '备份测试' })
    const client = connectClient(live, id, typist)
    try {
      await eventually(() => expect(client.provider.synced).toBe(true))
      appendParagraph(client.doc, '备份前写下的一段')
      await eventually(async () => expect((await live.api('GET', `/api/documents/${id}/export?format=txt`, { token: typist })).body).toContain('备份前写下的一段'))
      // Typing goes on during the backup: the copy is some committed state, the server is not held up.
      const typing = setInterval(() => appendParagraph(client.doc, '备份时仍在输入'), 5)
      const result = await hegao(['backup', backup], liveDir).finally(() => clearInterval(typing))
      expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^已备份到 .*backup\.sqlite（1 份文档，2 个账号，[\d.]+ MB）/) })
      expect(await hegao(['backup', backup], liveDir)).toMatchObject({ code: 1, stderr: expect.stringContaining('备份文件已存在，不会覆盖') })
    } finally {
      client.destroy()
      await live.close()
    }

    fs.copyFileSync(backup, path.join(restoredDir, 'hegao.sqlite'))
    const restored = await startTestServer({ dataDir: restoredDir })
    try {
      const token = (await restored.api('POST', '/api/login', { body: { username: 'typist', password: 'typist-password' } })).body.token
      const fresh = connectClient(restored, id, token)
      await eventually(() => expect(fresh.text()).toContain('备份前写下的一段'))
      fresh.destroy()
    } finally {
      await restored.close()
      for (const dir of [liveDir, restoredDir]) fs.rmSync(dir, { recursive: true, force: true })
    }
    expect((await hegao(['backup'])).code).toBe(2)
  })

  it('exits with 1 when the check of a draft is not ready', async () => {
    const result = await hegao(['check', SAMPLE, '--json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout).ready).toBe(false)
  })
})
