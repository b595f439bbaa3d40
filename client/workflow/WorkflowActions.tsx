import { useState } from 'react'
import { api, ApiError } from '../api/client'
import type { CheckResult, DocumentDetail } from '../api/types'
import { errorMessage } from './format'
import { LockDialog } from './LockDialog'
import { SignoffDialog } from './SignoffDialog'
import { UnlockDialog } from './UnlockDialog'

type OpenDialog = 'lock' | 'signoff' | 'unlock' | null

/**
 * The workflow buttons this user may press in this status. The server decides every step;
 * the buttons only mirror its rules so nobody is offered an action that would be refused.
 */
export function WorkflowActions({ detail, selfUsername, onChanged, onCheckRefused, onError }: {
  detail: DocumentDetail
  selfUsername: string
  /** Re-read the document: the status event would do it too, but the acting user should not wait for it. */
  onChanged(): void
  /** 提交审核 was refused by the pre-submission check. */
  onCheckRefused(check: CheckResult): void
  onError(message: string | null): void
}) {
  const [dialog, setDialog] = useState<OpenDialog>(null)
  const [busy, setBusy] = useState(false)
  const { role, status } = detail
  const base = `/api/documents/${encodeURIComponent(detail.id)}`
  const isSigner = detail.signers.includes(selfUsername)
  const hasSigned = detail.signoffs.some((s) => s.username === selfUsername)

  async function post(path: string) {
    setBusy(true)
    onError(null)
    try {
      await api('POST', `${base}/${path}`)
      onChanged()
    } catch (caught) {
      const check = caught instanceof ApiError && caught.status === 409 ? (caught.body as { check?: CheckResult } | undefined)?.check : undefined
      if (check) onCheckRefused(check)
      else onError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const done = () => {
    setDialog(null)
    onError(null)
    onChanged()
  }

  return (
    <>
      {status === 'draft' && (role === 'owner' || role === 'editor') && (
        <button className="button primary" type="button" disabled={busy} onClick={() => void post('submit')} data-testid="workflow-submit">提交审核</button>
      )}
      {status === 'review' && role === 'owner' && (
        <>
          <button className="button" type="button" disabled={busy} onClick={() => void post('reopen')} data-testid="workflow-reopen">重新打开</button>
          <button className="button primary" type="button" onClick={() => setDialog('lock')} data-testid="workflow-lock">锁定定稿</button>
        </>
      )}
      {status === 'locked' && isSigner && !hasSigned && (
        <button className="button primary" type="button" onClick={() => setDialog('signoff')} data-testid="workflow-signoff">签发</button>
      )}
      {(status === 'locked' || status === 'signed') && role === 'owner' && (
        <button className="button" type="button" onClick={() => setDialog('unlock')} data-testid="workflow-unlock">解除锁定</button>
      )}
      {dialog === 'lock' && <LockDialog docId={detail.id} members={detail.members} onDone={done} onClose={() => setDialog(null)} />}
      {dialog === 'signoff' && <SignoffDialog docId={detail.id} hash={detail.hash} onDone={done} onClose={() => setDialog(null)} />}
      {dialog === 'unlock' && <UnlockDialog docId={detail.id} signed={status === 'signed'} onDone={done} onClose={() => setDialog(null)} />}
    </>
  )
}
