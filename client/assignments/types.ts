/** Who holds a section (see the agreed workflow API). */
export interface Assignment {
  sectionId: string
  username: string
  displayName: string
  assignedBy: string
  assignedAt: string
}

/** A member who may hold a section (owner or editor). */
export interface Assignee { username: string; displayName: string }
