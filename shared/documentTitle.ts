/** How a document whose title line is empty is named wherever a name is shown: the list, the editor's header, a file name. */
export const UNTITLED = '（无标题）'

/** A document's title as shown: its title line, or 「（无标题）」 while that line is empty. */
export function shownTitle(title: string): string {
  return title || UNTITLED
}
