import type { DocJSON } from '../../shared/docJson'
import { exportDocx, type ExportMeta } from './docx'

/** The formats this module turns into a download; txt and md come from shared/export/. */
export type FileFormat = 'docx' | 'json'

export interface ExportedFile {
  body: Buffer
  contentType: string
  /** A ready Content-Disposition header: UTF-8 file name (RFC 6266/5987) with an ASCII fallback. */
  contentDisposition: string
}

const CONTENT_TYPES: Record<FileFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
}

/** A file name from the document title: no path or control characters, at most 80 characters. */
export function downloadName(title: string, format: FileFormat): string {
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim().slice(0, 80) || '公文'
  return `${base}.${format}`
}

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

/**
 * The body and headers of GET /api/documents/:id/export?format=docx|json. `json` is the DocJSON
 * itself: the print view renders from it because it has no Y.Doc of its own.
 */
export async function exportFile(doc: DocJSON, format: FileFormat, title: string, meta?: ExportMeta): Promise<ExportedFile> {
  const body = format === 'docx' ? await exportDocx(doc, meta) : Buffer.from(JSON.stringify(doc), 'utf8')
  return { body, contentType: CONTENT_TYPES[format], contentDisposition: contentDisposition(downloadName(title, format)) }
}
