import type { AppContext } from './context'
import { HttpError } from './errors'

/** The heading ids of the document's current content: the sections comments and assignments may refer to. */
export function currentSectionIds(app: AppContext, documentId: string): Set<string> {
  const ids = app.rooms.sectionIds(documentId)
  if (!ids) throw new HttpError(500, '无法读取文档内容')
  return ids
}
