import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../api/client'
import { useDocumentEvents } from '../api/useDocumentEvents'
import type { DocumentDetail } from '../api/types'
import type { Assignment } from '../../shared/api/assignments'

/** A member who may hold a section (owner or editor). */
export interface Assignee { username: string; displayName: string }

export interface AssignmentsState {
  /** Section id → its assignment. */
  bySection: ReadonlyMap<string, Assignment>
  /** Owners and editors, for the owner's select (loaded only for the owner). */
  assignees: Assignee[]
  error: string | null
  assign(sectionId: string, username: string | null): Promise<void>
}

/**
 * Section assignments of the document, re-read on the server's 'assignments' events; the owner
 * also gets the members who may hold a section, re-read on 'members'.
 */
export function useAssignments(docId: string, token: string, isOwner: boolean): AssignmentsState {
  const [assignments, setAssignments] = useState<Assignment[]>([])
  const [assignees, setAssignees] = useState<Assignee[]>([])
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(0)
  const base = `/api/documents/${encodeURIComponent(docId)}`

  const loadAssignments = useCallback(async () => {
    const request = ++latest.current
    try {
      const data = await api<{ assignments: Assignment[] }>('GET', `${base}/assignments`)
      if (request !== latest.current) return
      setAssignments(data.assignments)
      setError(null)
    } catch (caught) {
      if (request === latest.current) setError(caught instanceof Error ? caught.message : '无法加载章节分配')
    }
  }, [base])

  const loadMembers = useCallback(async () => {
    if (!isOwner) return
    try {
      const detail = await api<DocumentDetail>('GET', base)
      setAssignees(
        detail.members
          .filter((member) => (member.role === 'owner' || member.role === 'editor') && !member.disabled)
          .map((member) => ({ username: member.username, displayName: member.displayName || member.username })),
      )
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '无法加载成员')
    }
  }, [base, isOwner])

  useEffect(() => {
    void loadAssignments()
    void loadMembers()
  }, [loadAssignments, loadMembers])

  useDocumentEvents(docId, token, (kind) => {
    // Removing a member also removes their assignments.
    if (kind === 'assignments' || kind === 'members' || kind === 'all') void loadAssignments()
    if (kind === 'members' || kind === 'all') void loadMembers()
  })

  const bySection = new Map(assignments.map((a) => [a.sectionId, a]))
  return {
    bySection,
    assignees,
    error,
    async assign(sectionId, username) {
      setError(null)
      try {
        const path = `${base}/assignments/${encodeURIComponent(sectionId)}`
        if (username) await api('PUT', path, { username })
        else await api('DELETE', path)
        await loadAssignments()
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : '分配失败')
      }
    },
  }
}
