import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import { HttpError, badRequest } from './errors'
import { configureChineseZodMessages } from './zodMessages'

// For inputs no schema gives a message of its own, in Chinese like the rest.
configureChineseZodMessages()

const JSON_LIMIT = 1024 * 1024

/** The request fields as the forms name them, so an error reads as Chinese as the rest of the UI. */
const FIELD_LABELS: Record<string, string> = {
  title: '标题', text: '正文', template: '模板', username: '用户名', password: '密码', current: '当前密码',
  displayName: '显示名', admin: '管理员', name: '名称', description: '说明', body: '内容', quote: '引文',
  reason: '原因', role: '角色', signers: '签发人', sectionId: '章节', resolved: '解决状态', from: '起点', to: '终点',
  disabled: '停用', newOwner: '接手人', unfill: '清空待填项', opinion: '签发意见',
}

/** Reads the raw body, refusing (413) more than `limit` bytes without buffering them. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      req.resume()
      reject(new HttpError(413, '请求内容过大'))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > limit) {
        failed = true
        reject(new HttpError(413, '请求内容过大'))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => !failed && resolve(Buffer.concat(chunks)))
    req.on('error', (error) => !failed && reject(error))
  })
}

/** Reads a JSON body and validates it with `schema`: 400 with a readable message otherwise. */
export async function readJson<T extends z.ZodType>(req: IncomingMessage, schema: T, limit = JSON_LIMIT): Promise<z.infer<T>> {
  const raw = await readBody(req, limit)
  let value: unknown
  try {
    value = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'))
  } catch {
    throw badRequest('请求内容不是有效的 JSON')
  }
  const result = schema.safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]
    const field = issue.path.map((part) => FIELD_LABELS[String(part)] ?? String(part)).join('.')
    throw badRequest(`请求内容无效（${field || '请求体'}）：${issue.message}`)
  }
  return result.data
}
