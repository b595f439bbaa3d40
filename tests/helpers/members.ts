import type { TestServer } from './server'

import type { Role } from '../../server/db/documents'

/**
 * Creates a document owned by `ownerToken`'s user and gives each listed user (who must exist)
 * their role, as the owner would through the members API.
 */
export async function documentWithMembers(
  server: TestServer,
  ownerToken: string,
  content: { title?: string; text?: string },
  members: Record<string, Role>,
): Promise<string> {
  const id = await server.createDocument(ownerToken, content)
  for (const [username, role] of Object.entries(members)) {
    const response = await server.api('PUT', `/api/documents/${id}/members/${username}`, { token: ownerToken, body: { role } })
    if (response.status !== 200) throw new Error(`adding ${username} as ${role} failed: ${response.status} ${JSON.stringify(response.body)}`)
  }
  return id
}
