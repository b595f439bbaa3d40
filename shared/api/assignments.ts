/** Who holds a section (API "Assignments"), read by the client and sent by the server. */
export interface Assignment {
  sectionId: string
  username: string
  displayName: string
  assignedBy: string
  assignedAt: string
}
