import type { DocumentDetail } from '../api/types'
import { formatTime, shortHash } from './format'

/** What everyone sees on a frozen document: who still has to sign, who signed when, and which text. */
export function LockBanner({ detail }: { detail: DocumentDetail }) {
  if (detail.status !== 'locked' && detail.status !== 'signed') return null
  const nameOf = (username: string) => detail.members.find((m) => m.username === username)?.displayName || username
  const signoffs = new Map(detail.signoffs.map((s) => [s.username, s]))
  const signed = detail.status === 'signed'
  return (
    <div className={`lock-banner ${signed ? 'lock-banner-signed' : ''}`} data-testid="lock-banner" data-status={detail.status}>
      <strong className="lock-banner-title" data-testid="lock-banner-title">{signed ? '已签发' : '已锁定定稿，等待签发'}</strong>
      <span className="lock-banner-note">内容已冻结，任何人不可修改</span>
      <ul className="lock-signers">
        {detail.signers.map((username) => {
          const signoff = signoffs.get(username)
          return (
            <li key={username} data-testid="lock-signer-state" data-username={username} data-signed={signoff ? 'true' : 'false'}>
              {signoff?.displayName || nameOf(username)}：
              {signoff ? <span className="signed-mark">✓ {formatTime(signoff.at)}</span> : <span className="unsigned-mark">未签发</span>}
              {signoff?.opinion && <span className="signoff-opinion" data-testid="signoff-opinion">「{signoff.opinion}」</span>}
            </li>
          )
        })}
      </ul>
      {detail.hash && (
        <span className="lock-hash">
          内容校验值 <code className="hash" title={detail.hash} data-testid="lock-hash">{shortHash(detail.hash)}</code>
        </span>
      )}
    </div>
  )
}
