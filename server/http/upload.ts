import type { IncomingMessage } from 'node:http'
import busboy from 'busboy'
import { HttpError, badRequest } from './errors'

export interface UploadedFile {
  filename: string
  data: Buffer
  fields: Record<string, string>
}

/** Reads a multipart/form-data body with one file in field `file` (plus plain fields). */
export function readUpload(req: IncomingMessage, limit: number): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 64 * 1024 } })
    } catch {
      reject(badRequest('无法解析上传内容'))
      return
    }
    const fields: Record<string, string> = {}
    let file: { filename: string; data: Buffer } | undefined
    let failure: Error | undefined
    parser.on('field', (name, value) => {
      fields[name] = value
    })
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume()
        return
      }
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => {
        failure = new HttpError(413, '上传文件过大')
      })
      stream.on('end', () => {
        file = { filename: info.filename ?? '', data: Buffer.concat(chunks) }
      })
    })
    parser.on('error', () => reject(badRequest('无法解析上传内容')))
    parser.on('close', () => {
      if (failure) reject(failure)
      else if (!file) reject(badRequest('缺少上传文件（字段 file）'))
      else resolve({ ...file, fields })
    })
    req.pipe(parser)
  })
}
