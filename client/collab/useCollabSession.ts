import { useEffect, useState } from 'react'
import { BODY_FRAGMENT } from '../../shared/schema/index'
import { CloseCodes, closeCodeByNumber } from '../../shared/closeCodes'
import { createCollabSession, type CollabSession } from './createCollabSession'

/** Why the connection was given up for good (shown instead of the editor). */
export type CollabFailure = { kind: 'unauthorized' } | { kind: 'error'; message: string }

const failureMessages: Record<number, string> = {
  [CloseCodes.Forbidden.code]: '您不是该文档的成员（或已被移出），无法打开',
  [CloseCodes.NotFound.code]: '文档不存在或已被删除',
  [CloseCodes.TooManyConnections.code]: '您打开的连接过多，请关闭其他窗口后重试',
  [CloseCodes.DocumentUnavailable.code]: '文档暂时无法加载，请联系管理员',
  [CloseCodes.MessageTooBig.code]: '更改过大，服务器拒绝接收',
  [CloseCodes.BadMessage.code]: '与服务器通信出错，请刷新页面',
  [CloseCodes.PendingTooLarge.code]: '本地副本与服务器不一致，请刷新页面',
  [CloseCodes.EditorOutdated.code]: '合稿已更新，请刷新页面后继续编辑',
}

/** Codes after which our local copy may hold changes the server refused: start over from the server. */
const resetCodes: ReadonlySet<number> = new Set([CloseCodes.DocumentLocked.code, CloseCodes.ChangesRefused.code])

/**
 * Opens the collaboration session of a document for as long as the page shows it.
 * `ready` turns true once there is content to show (server sync, or an offline copy),
 * so the editor never starts from an empty document that it might write back.
 * `resets` counts how often the server made us start over (a lock); `refused`, how often because
 * the copy held changes the server would not take (typed offline before a lock or a change of role).
 */
export function useCollabSession(docId: string, token: string): { session: CollabSession | null; ready: boolean; failure: CollabFailure | null; resets: number; refused: number } {
  const [session, setSession] = useState<CollabSession | null>(null)
  const [ready, setReady] = useState(false)
  const [failure, setFailure] = useState<CollabFailure | null>(null)
  const [generation, setGeneration] = useState(0)
  const [refused, setRefused] = useState(0)

  useEffect(() => {
    const created = createCollabSession(docId, token)
    const { provider, persistence, ydoc } = created
    setSession(created)
    setReady(false)
    setFailure(null)
    let disposed = false

    const onSync = (synced: boolean) => {
      if (synced && !disposed) setReady(true)
    }
    provider.on('sync', onSync)
    void persistence.whenSynced.then(() => {
      if (!disposed && ydoc.getXmlFragment(BODY_FRAGMENT).length > 0) setReady(true)
    })

    provider.on('connection-close', (event) => {
      if (!event || disposed) return
      const entry = closeCodeByNumber(event.code)
      if (event.code === CloseCodes.Unauthorized.code) {
        provider.shouldConnect = false
        setFailure({ kind: 'unauthorized' })
      } else if (resetCodes.has(event.code)) {
        // Drop the local copy (it holds refused changes) and reconnect from a clean Y.Doc.
        provider.shouldConnect = false
        disposed = true
        if (event.code === CloseCodes.ChangesRefused.code) setRefused((n) => n + 1)
        void persistence.clearData().finally(() => setGeneration((n) => n + 1))
      } else if (entry && !entry.retry) {
        provider.shouldConnect = false
        // A deleted document leaves no copy of its text behind in this browser.
        if (event.code === CloseCodes.NotFound.code) void persistence.clearData()
        setFailure({ kind: 'error', message: failureMessages[event.code] ?? `连接被服务器关闭（${event.code}）` })
      }
    })

    return () => {
      disposed = true
      created.destroy()
    }
  }, [docId, token, generation])

  return { session, ready, failure, resets: generation, refused }
}
