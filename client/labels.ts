import type { DocumentStatus, Role } from './api/types'

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
