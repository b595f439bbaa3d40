import type { Member } from '../api/types'
import type { AuditEntry } from '../../shared/api/workflow'
import { roleLabel } from '../labels'
import { shownTitle } from '../../shared/documentTitle'

/** The 详情 column: who was named to sign, why a lock was lifted, whose role changed. */
export function auditDetail(entry: AuditEntry, nameOf: (username: string) => string, numberOf: (versionId: unknown) => string): string {
  const detail = (entry.detail ?? {}) as Record<string, unknown>
  const parts: string[] = []
  if (Array.isArray(detail.signers)) parts.push(`签发人：${detail.signers.map((s) => nameOf(String(s))).join('、')}`)
  if (typeof detail.reason === 'string') parts.push(`原因：${detail.reason}`)
  if (typeof detail.opinion === 'string') parts.push(`签发意见：${detail.opinion}`)
  if (typeof detail.member === 'string') {
    const who = nameOf(detail.member)
    parts.push(detail.role ? `${who} 的角色设为${roleLabel(String(detail.role))}` : `移除成员 ${who}`)
    if (typeof detail.handedOverFrom === 'string') parts.push(`由 ${nameOf(detail.handedOverFrom)} 移交`)
  }
  const copiedFrom = detail.copiedFrom as { title?: unknown } | undefined
  if (typeof copiedFrom?.title === 'string') parts.push(`另存自《${shownTitle(copiedFrom.title)}》`)
  if (typeof detail.name === 'string') parts.push(`版本 ${numberOf(detail.version)}「${detail.name}」`)
  if (entry.action === 'restore' && detail.from !== undefined) parts.push(`恢复为版本 ${numberOf(detail.from)}，生成版本 ${numberOf(detail.version)}`)
  return parts.join('；')
}

/** Display names from the current members; a former member keeps showing as their username. */
export function memberNames(members: Member[]): (username: string) => string {
  const names = new Map(members.map((m) => [m.username, m.displayName || m.username]))
  return (username) => names.get(username) ?? username
}
