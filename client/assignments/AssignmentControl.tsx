import type { Assignment } from '../../shared/api/assignments'
import type { Assignee } from './useAssignments'

interface AssignmentControlProps {
  sectionId: string
  assignment: Assignment | undefined
  /** Given only to the owner while the text may still change: then a select, otherwise a label. */
  assignees: Assignee[] | null
  onAssign(sectionId: string, username: string | null): void
}

/** Who holds a section: a small name tag, or for the owner a select (「未分配」 clears it). */
export function AssignmentControl({ sectionId, assignment, assignees, onAssign }: AssignmentControlProps) {
  if (!assignees) {
    return assignment ? (
      <span className="assignee-tag" data-testid="section-holder" title={`负责人：${assignment.displayName}`}>
        {assignment.displayName}
      </span>
    ) : null
  }
  const current = assignment?.username ?? ''
  // A holder who is no longer owner/editor still shows until the server drops the assignment.
  const options = assignment && !assignees.some((a) => a.username === current) ? [...assignees, { username: current, displayName: assignment.displayName }] : assignees
  return (
    <select
      className={`assign-select${current ? ' assigned' : ''}`}
      data-testid="assign-select"
      aria-label="分配本节负责人"
      title={assignment ? `负责人：${assignment.displayName}` : '分配本节负责人'}
      value={current}
      onChange={(event) => onAssign(sectionId, event.target.value || null)}
    >
      <option value="">未分配</option>
      {options.map((member) => (
        <option key={member.username} value={member.username}>
          {member.displayName}
        </option>
      ))}
    </select>
  )
}
