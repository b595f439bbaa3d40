import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFile } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/server'

const repo = path.resolve(import.meta.dirname, '../..')
const SAMPLE = path.resolve(repo, '../shared/samples/county-stats-bureau-2022-summary.txt')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hegao-cli-'))

function hegao(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repo, 'bin/hegao.js'), ...args], { cwd: repo, env: { ...process.env, HEGAO_DATA: dataDir } }, (error, stdout, stderr) =>
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

  it('exits with 1 when the check of a draft is not ready', async () => {
    const result = await hegao(['check', SAMPLE, '--json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout).ready).toBe(false)
  })
})
