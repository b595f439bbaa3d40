import { useState } from 'react'
import { ApiError, api } from '../api/client'
import type { Account } from '../api/types'
import { useAction } from '../api/useAction'
import { Dialog } from '../workflow/Dialog'
import { errorMessage } from '../workflow/format'
import { shownTitle } from '../../shared/documentTitle'

interface OwnedDocument { id: string; title: string }

/** The documents the server named when it refused: the account is the only owner of each. */
function soleOwned(caught: unknown): OwnedDocument[] | null {
  if (!(caught instanceof ApiError) || caught.status !== 409) return null
  const documents = (caught.body as { documents?: OwnedDocument[] } | undefined)?.documents
  return Array.isArray(documents) && documents.length > 0 ? documents : null
}

/**
 * 停用账号 (someone who left): they are signed out everywhere and cannot sign in, but stay named
 * on what they wrote. If they are the only owner of documents, these are first handed over. The
 * server's other refusals (a locked document still waiting for their signature) show as they come.
 */
export function DisableAccountDialog({ account, accounts, onClose, onDone }: {
  account: Account
  /** To choose who takes the documents over. */
  accounts: Account[]
  onClose(): void
  onDone(message: string): void
}) {
  const [documents, setDocuments] = useState<OwnedDocument[] | null>(null)
  const [heir, setHeir] = useState('')
  const { busy, error, setError, run } = useAction('停用失败')
  const heirs = accounts.filter((other) => other.username !== account.username && !other.disabled)
  const path = `/api/users/${encodeURIComponent(account.username)}`

  function confirm() {
    void run(async () => {
      let handedOver = false
      try {
        if (documents) {
          if (!heir) throw new Error('请选择接手人')
          await api('POST', `${path}/handover`, { newOwner: heir })
          handedOver = true
        }
        await api('PATCH', path, { disabled: true })
      } catch (caught) {
        const owned = soleOwned(caught)
        // The hand-over stands even when the disabling is then refused (a locked document still
        // waits for their signature): say so, and offer only the disabling again.
        if (!owned && handedOver) {
          setDocuments(null)
          throw new Error(`已将文档移交给 ${heir}，但未停用账号：${errorMessage(caught)}`)
        }
        if (!owned) throw caught
        setDocuments(owned)
        setError(null)
        return
      }
      onDone(documents ? `已将文档移交给 ${heir}，并停用账号 ${account.username}` : `已停用账号 ${account.username}`)
    })
  }

  return (
    <Dialog label={`停用账号：${account.displayName}（${account.username}）`} testId="disable-account-dialog" onClose={onClose}>
      <p>停用后，该账号立即退出所有已打开的页面，且不能再登录；其姓名仍保留在文档成员、评论、签发和审计记录中。可随时重新启用。</p>
      {documents && (
        <div data-testid="handover">
          <p className="workflow-warning">{account.displayName}是以下文档的唯一所有者，停用前须将其所有者身份移交给他人：</p>
          <ul>{documents.map((doc) => <li key={doc.id}>{shownTitle(doc.title)}</li>)}</ul>
          <label className="field">
            <span>接手人（成为其所拥有的全部文档的所有者）</span>
            <select value={heir} onChange={(e) => setHeir(e.target.value)} data-testid="handover-heir">
              <option value="">请选择</option>
              {heirs.map((other) => <option key={other.username} value={other.username}>{other.displayName}（{other.username}）</option>)}
            </select>
          </label>
        </div>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>取消</button>
        <button className="button primary danger" type="button" onClick={confirm} disabled={busy} data-testid="disable-account-confirm">
          {documents ? '移交并停用' : '停用账号'}
        </button>
      </div>
    </Dialog>
  )
}
