import type { DocumentStatus, Role } from './api/types'
import type { AuditAction } from '../shared/api/workflow'
import type { VersionKind } from '../shared/api/versions'

export const statusLabels: Record<DocumentStatus, string> = {
  draft: '草稿',
  review: '审核中',
  locked: '已锁定',
  signed: '已签发',
}

export const roleLabels: Record<Role, string> = {
  owner: '所有者',
  editor: '编辑者',
  commenter: '评论者',
  viewer: '查看者',
}

export const assignableRoles: Role[] = ['owner', 'editor', 'commenter', 'viewer']

export function statusLabel(status: string): string {
  return statusLabels[status as DocumentStatus] ?? status
}

export function roleLabel(role: string | undefined): string {
  return role ? (roleLabels[role as Role] ?? role) : ''
}

export const versionKindLabels: Record<VersionKind, string> = {
  create: '初稿',
  submit: '提交审核',
  lock: '锁定定稿',
  signoff: '签发',
  unlock: '解除锁定',
  named: '命名版本',
  restore: '恢复',
}

export const auditActionLabels: Record<AuditAction, string> = {
  create: '创建文档',
  submit: '提交审核',
  reopen: '重新打开',
  lock: '锁定定稿',
  signoff: '签发',
  unlock: '解除锁定',
  member: '成员变更',
  restore: '恢复版本',
  version: '保存版本',
}

export function versionKindLabel(kind: string): string {
  return versionKindLabels[kind as VersionKind] ?? kind
}

export function auditActionLabel(action: string): string {
  return auditActionLabels[action as AuditAction] ?? action
}
