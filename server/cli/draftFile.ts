import fs from 'node:fs'
import path from 'node:path'
import { importText, type ImportReport } from '../../shared/import/importText'
import type { DocJSON } from '../../shared/docJson'
import { UsageError } from './usage'
import { decodeText, textFileProblem, unsupportedFileMessage } from '../decodeText'

/** Reads and imports a .txt or .docx draft. */
export async function readDraftFile(file: string): Promise<{ doc: DocJSON; report: ImportReport }> {
  const ext = path.extname(file).toLowerCase()
  if (ext !== '.txt' && ext !== '.docx') throw new UsageError(`${unsupportedFileMessage(ext)}：${file}`)
  let data: Buffer
  try {
    data = fs.readFileSync(file)
  } catch {
    throw new UsageError(`无法读取文件：${file}`)
  }
  if (ext === '.txt') {
    const problem = textFileProblem(data)
    if (problem) throw new UsageError(`${problem}：${file}`)
    return importText(decodeText(data))
  }
  // Loaded only for .docx: mammoth is large.
  const { importDocx } = await import('../../shared/import/importDocx')
  return importDocx(new Uint8Array(data))
}
