import type { OutlineSection } from '../../shared/outline'

/**
 * The outline limited to the sections `isMine` accepts, with their subsections (the part they
 * hold) and their ancestors (for context, marked so the panel can dim them).
 */
export function onlyMySections(sections: readonly OutlineSection[], isMine: (id: string | null) => boolean): { sections: OutlineSection[]; context: Set<OutlineSection> } {
  const context = new Set<OutlineSection>()
  const keep = (section: OutlineSection): OutlineSection | null => {
    if (isMine(section.id)) return section
    const children = section.children.map(keep).filter((child): child is OutlineSection => child !== null)
    if (children.length === 0) return null
    const kept = { ...section, children }
    context.add(kept)
    return kept
  }
  return { sections: sections.map(keep).filter((s): s is OutlineSection => s !== null), context }
}
