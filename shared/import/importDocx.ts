import mammoth from 'mammoth'
import type { DocJSON } from '../docJson'
import { importText, type ImportReport } from './importText'

/**
 * `.docx` draft → document: mammoth extracts the paragraphs as plain text (one per line,
 * separated by blank lines) and the text importer does the rest, so both paths recognise
 * headings and placeholders the same way. Node-only (mammoth reads a Buffer).
 */
export async function importDocx(data: Uint8Array | ArrayBuffer): Promise<{ doc: DocJSON; report: ImportReport }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const { value } = await mammoth.extractRawText({ buffer })
  // mammoth ends every paragraph with a blank line; one line per paragraph makes the
  // report's line numbers count the Word paragraphs.
  return importText(value.replace(/\n\n/g, '\n'))
}
