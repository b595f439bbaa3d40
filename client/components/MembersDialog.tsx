import { useEffect, useState, type FormEvent } from 'react'
import { api } from '../api/client'
import type { Account, Member, Role } from '../api/types'
import { assignableRoles, roleLabel } from '../labels'
import { CloseFooter, Dialog } from '../workflow/Dialog'

/** Owners add, re-role and remove the members of a document. */
export function MembersDialog({ docId, members, selfUsername, onChanged, onClose }: {
  docId: string
  members: Member[]
  selfUsername: string
  onChanged(): Promise<void> | void
  onClose(): void
}) {
  const [users, setUsers] = useState<Account[]>([])
  const [username, setUsername] = useState('')
  const [role, setRole] = useState<Role>('editor')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    api<Account[]>('GET', '/api/users')
      .then(setUsers)
      .catch((caught) => setError(caught instanceof Error ? caught.message : '无法加载用户列表'))
  }, [])

  const memberNames = new Set(members.map((member) => member.username))
  const candidates = users.filter((user) => !memberNames.has(user.username) && !user.disabled)
  const displayName = (name: string) => members.find((m) => m.username === name)?.displayName || users.find((u) => u.username === name)?.displayName || name

  async function run(action: () => Promise<unknown>) {
    setError(null)
    try {
      await action()
      await onChanged()
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : '操作失败')
    }
  }

  function add(event: FormEvent) {
    event.preventDefault()
    const name = username.trim()
    if (!name) return
    void run(async () => {
      await api('PUT', `/api/documents/${docId}/members/${encodeURIComponent(name)}`, { role })
      setUsername('')
    })
  }

  return (
    <Dialog label="成员管理" testId="members-dialog" onClose={onClose}>
      <table className="table compact">
        <thead><tr><th>成员</th><th>角色</th><th /></tr></thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.username} data-testid="member-row" data-username={member.username}>
              <td>
                {displayName(member.username)}<span className="muted">（{member.username}）</span>
                {member.disabled && <span className="role-tag account-disabled" data-testid="member-disabled">已停用</span>}
              </td>
              <td>
                <select
                  aria-label={`${member.username} 的角色`}
                  value={member.role}
                  disabled={member.username === selfUsername || member.disabled}
                  onChange={(e) => void run(() => api('PUT', `/api/documents/${docId}/members/${encodeURIComponent(member.username)}`, { role: e.target.value }))}
                >
                  {assignableRoles.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
                </select>
              </td>
              <td>
                {member.username !== selfUsername && (
                  <button className="button link danger" type="button" onClick={() => void run(() => api('DELETE', `/api/documents/${docId}/members/${encodeURIComponent(member.username)}`))}>移除</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={add} data-testid="add-member-form">
        <label className="field">
          <span>添加成员（用户名）</span>
          <input data-testid="add-member-username" list="hegao-member-candidates" value={username} onChange={(e) => setUsername(e.target.value)} placeholder="输入或选择用户名" />
          <datalist id="hegao-member-candidates">
            {candidates.map((user) => <option key={user.username} value={user.username}>{user.displayName}</option>)}
          </datalist>
        </label>
        <label className="field">
          <span>角色</span>
          <select data-testid="add-member-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {assignableRoles.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
          </select>
        </label>
        <button className="button primary" type="submit" data-testid="add-member-submit">添加</button>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
      <CloseFooter testId="members-close" onClose={onClose} />
    </Dialog>
  )
}
