import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { api, ApiError } from '../api/client'
import type { CheckResult, DocumentDetail } from '../api/types'
import { clearSession, type Session } from '../auth/session'
import { roleLabel, statusLabel } from '../labels'
import { shownTitle } from '../../shared/documentTitle'
import { href, navigate } from '../router'
import { userColor } from '../collab/userColor'
import { useCollabSession } from '../collab/useCollabSession'
import type { PresenceUser } from '../collab/usePresence'
import { ConnectionBadge } from '../components/ConnectionBadge'
import { PresenceChips } from '../components/PresenceChips'
import { MembersDialog } from '../components/MembersDialog'
import { EditorWorkspace } from '../components/EditorWorkspace'
import { ImportReportView } from '../components/ImportReportView'
import { PrintView } from '../printView'
import { useDocumentEvents } from '../api/useDocumentEvents'
import { WorkflowActions } from '../workflow/WorkflowActions'
import { LockBanner } from '../workflow/LockBanner'
import { HistoryDialog } from '../history/HistoryDialog'
import { AuditDialog } from '../audit/AuditDialog'
import { ExportMenu } from '../export/ExportMenu'
import '../styles/workflow.css'

/** Statuses in which the content is frozen for everyone (the server refuses changes too). */
const frozenStatuses = new Set(['locked', 'signed'])

export function EditorPage({ docId, session }: { docId: string; session: Session }) {
  const [detail, setDetail] = useState<DocumentDetail | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [showMembers, setShowMembers] = useState(false)
  const [showImport, setShowImport] = useState(false)
  const [showHistory, setShowHistory] = useState(false)
  const [showAudit, setShowAudit] = useState(false)
  const [checkRequest, setCheckRequest] = useState(0)
  /** The outcome of the user's own last workflow action (a refused submission, an error). */
  const [workflowNotice, setWorkflowNotice] = useState<{ text: string; error: boolean } | null>(null)
  // The title line as edited (the stored title follows when the server next stores the document);
  // null until the editor has read it, '' while it is empty.
  const [liveTitle, setLiveTitle] = useState<string | null>(null)
  // How many of the session's refusals of our changes (collab.refused) the user has closed the notice of.
  const [refusedSeen, setRefusedSeen] = useState(0)
  const loadedOnce = useRef(false)
  const collab = useCollabSession(docId, session.token)

  const loadDetail = useCallback(async () => {
    try {
      setDetail(await api<DocumentDetail>('GET', `/api/documents/${encodeURIComponent(docId)}`))
      loadedOnce.current = true
      setLoadError(null)
    } catch (caught) {
      const lostAccess = caught instanceof ApiError && (caught.status === 403 || caught.status === 404)
      // A failed background refresh while offline must not replace the editor with an error.
      if (!lostAccess && loadedOnce.current) return
      setLoadError(caught instanceof ApiError && caught.status === 404 ? '文档不存在或已被删除' : caught instanceof Error ? caught.message : '无法加载文档')
    }
  }, [docId])

  useEffect(() => {
    void loadDetail()
  }, [loadDetail])

  // Status, signers and roles change through other people's actions: the server says when.
  useDocumentEvents(docId, session.token, (kind) => {
    if (kind === 'status' || kind === 'members' || kind === 'all') void loadDetail()
  })

  // A reset means the server changed something about the document (locked, restored, roles): re-read it.
  useEffect(() => {
    if (collab.resets > 0) void loadDetail()
  }, [collab.resets, loadDetail])

  useEffect(() => {
    if (collab.failure?.kind === 'unauthorized') {
      clearSession(true)
      navigate('/login', { replace: true })
    }
  }, [collab.failure])

  const onCheckRefused = useCallback((check: CheckResult) => {
    // The side panel shows the check and highlights the unfilled placeholders on every increment.
    setCheckRequest((n) => n + 1)
    const errors = check.problems.filter((problem) => problem.severity === 'error').length
    const open = [check.unfilled.length > 0 && `${check.unfilled.length} 处未填写`, errors > 0 && `${errors} 个问题`].filter(Boolean).join('、')
    setWorkflowNotice({ text: `还有 ${open}，请先处理后再提交`, error: false })
  }, [])
  // A notice about the previous status (e.g. the refused submission) is stale once the status moved on.
  const status = detail?.status
  useEffect(() => setWorkflowNotice(null), [status])
  // The refusal's 「还有 N 处未填写」 goes once the check it showed passes.
  const onCheckPassed = useCallback(() => setWorkflowNotice((notice) => (notice && !notice.error ? null : notice)), [])
  const onWorkflowError = useCallback((message: string | null) => setWorkflowNotice(message ? { text: message, error: true } : null), [])

  const user: PresenceUser = useMemo(
    () => ({ name: session.user.displayName || session.user.username, color: userColor(session.user.username), username: session.user.username }),
    [session.user],
  )

  if (loadError) return <ErrorPanel message={loadError} />
  if (collab.failure?.kind === 'error') return <ErrorPanel message={collab.failure.message} />

  const role = detail?.role
  const canWrite = (role === 'owner' || role === 'editor') && !!detail && !frozenStatuses.has(detail.status)
  // An emptied title line reads 「（无标题）」, as the list has it, not as the title it had before.
  const headerTitle = liveTitle !== null ? shownTitle(liveTitle) : detail ? shownTitle(detail.title) : undefined
  // A frozen document says so in its lock banner; this line explains the other reason to be read-only.
  const readOnlyReason = !detail || frozenStatuses.has(detail.status) ? null : role === 'viewer' || role === 'commenter' ? `只读：您的角色是${roleLabel(role)}` : null

  return (
    <main className="editor-page" data-testid="editor-page" data-role={role ?? ''}>
      <div className="editor-header">
        <div className="editor-header-main">
          <a className="back-link" href={href('/')}>← 文档列表</a>
          <h1 className="editor-doc-title" data-testid="document-title" title={headerTitle}>{headerTitle ?? '正在加载…'}</h1>
          {detail && <span className={`status-tag status-${detail.status}`} data-testid="document-status">{statusLabel(detail.status)}</span>}
          {role && <span className="role-tag" data-testid="document-role">{roleLabel(role)}</span>}
        </div>
        <div className="editor-header-side">
          <ConnectionBadge session={collab.session} />
          <PresenceChips provider={collab.session?.provider ?? null} />
          {detail?.import && (
            <button className="button" type="button" onClick={() => setShowImport(true)} data-testid="open-import-report">导入报告</button>
          )}
          {PrintView && <a className="button" href={href(`/documents/${docId}/print`)} target="_blank" rel="noreferrer" data-testid="open-print">打印预览</a>}
          {detail && <ExportMenu docId={docId} title={detail.title} onError={onWorkflowError} />}
          {role === 'owner' && (
            <button className="button" type="button" onClick={() => setShowMembers(true)} data-testid="open-members">成员</button>
          )}
          {detail && <button className="button" type="button" onClick={() => setShowHistory(true)} data-testid="open-history">历史版本</button>}
          {detail && <button className="button" type="button" onClick={() => setShowAudit(true)} data-testid="open-audit">审计记录</button>}
          {detail && (
            <WorkflowActions
              detail={detail}
              selfUsername={session.user.username}
              onChanged={() => void loadDetail()}
              onCheckRefused={onCheckRefused}
              onError={onWorkflowError}
            />
          )}
        </div>
      </div>
      {readOnlyReason && <div className="readonly-banner" data-testid="readonly-banner">{readOnlyReason}</div>}
      {detail && <LockBanner detail={detail} />}
      {collab.refused > refusedSeen && (
        <div className="workflow-notice workflow-notice-error" role="alert" data-testid="changes-refused">
          <span>您断线期间所做的修改未能保存：文档已锁定或您已无编辑权限。页面已换成服务器上的内容。</span>
          <button className="button link" type="button" onClick={() => setRefusedSeen(collab.refused)} aria-label="关闭提示">×</button>
        </div>
      )}
      {workflowNotice && (
        <div className={`workflow-notice ${workflowNotice.error ? 'workflow-notice-error' : ''}`} role="alert" data-testid="workflow-notice">
          <span>{workflowNotice.text}</span>
          <button className="button link" type="button" onClick={() => setWorkflowNotice(null)} aria-label="关闭提示">×</button>
        </div>
      )}
      {collab.session && collab.ready && detail ? (
        <EditorWorkspace
          key={`${collab.session.ydoc.guid}-${canWrite}`}
          session={collab.session}
          user={user}
          editable={canWrite}
          docId={docId}
          token={session.token}
          role={detail.role}
          status={detail.status}
          checkRequest={checkRequest}
          onCheckPassed={onCheckPassed}
          onTitle={setLiveTitle}
          importCorrections={detail.import?.corrections}
        />
      ) : (
        <div className="editor-body">
          <div className="editor-column">
            <div className="paper paper-loading" data-testid="editor-loading">正在同步文档…</div>
          </div>
        </div>
      )}
      {showImport && detail?.import && (
        <div className="dialog-backdrop" onClick={(event) => event.target === event.currentTarget && setShowImport(false)}>
          <div className="dialog" role="dialog" aria-label="导入报告">
            <h2>导入报告</h2>
            <ImportReportView report={detail.import} />
            <div className="dialog-actions">
              <button className="button" type="button" onClick={() => setShowImport(false)}>关闭</button>
            </div>
          </div>
        </div>
      )}
      {showHistory && detail && (
        <HistoryDialog docId={docId} token={session.token} role={detail.role} status={detail.status} onClose={() => setShowHistory(false)} />
      )}
      {showAudit && detail && (
        <AuditDialog docId={docId} token={session.token} members={detail.members} onClose={() => setShowAudit(false)} />
      )}
      {showMembers && detail && (
        <MembersDialog docId={docId} members={detail.members} selfUsername={session.user.username} onChanged={loadDetail} onClose={() => setShowMembers(false)} />
      )}
    </main>
  )
}

function ErrorPanel({ message }: { message: string }) {
  return (
    <main className="page">
      <div className="error-panel" role="alert" data-testid="editor-error">
        <p>{message}</p>
        <a href={href('/')}>返回文档列表</a>
      </div>
    </main>
  )
}
