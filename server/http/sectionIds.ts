import type { AppContext } from './context'
import { currentContent } from './routes/content'
import { walkSections } from '../../shared/sections'

/** The heading ids of the document's current content: the sections comments and assignments may refer to. */
export function currentSectionIds(app: AppContext, documentId: string): Set<string> {
  const ids = new Set<string>()
  for (const section of walkSections(currentContent(app, documentId))) if (section.id) ids.add(section.id)
  return ids
}
