import { LETTERHEAD_LIMITS } from '../../shared/api/letterhead'
import type { LetterheadChoice } from '../export/letterheadChoice'
import { LetterheadMarkFields } from '../export/LetterheadMarkFields'

/** 版头 in the print view's toolbar: shown once a 发文机关标志 is given (the export's dialog fills the same). */
export function LetterheadControls({ choice, onChange }: { choice: LetterheadChoice; onChange(choice: LetterheadChoice): void }) {
  return (
    <span className="gw-letterhead-controls">
      <span className="gw-letterhead-caption">版头</span>
      <input className="gw-issuer-input" value={choice.issuer} onChange={(e) => onChange({ ...choice, issuer: e.target.value })} maxLength={LETTERHEAD_LIMITS.issuer} placeholder="发文机关标志，如：××县统计局文件" title="发文机关标志（红色大字，位于首页上方）" aria-label="发文机关标志" data-testid="print-issuer" />
      <input value={choice.serial} onChange={(e) => onChange({ ...choice, serial: e.target.value })} maxLength={LETTERHEAD_LIMITS.serial} placeholder="发文字号，如：×统〔2023〕1号" title="发文字号" aria-label="发文字号" data-testid="print-serial" />
      <LetterheadMarkFields choice={choice} onChange={onChange} testIdPrefix="print" />
      <label><input type="checkbox" checked={choice.upward} onChange={(e) => onChange({ ...choice, upward: e.target.checked })} data-testid="print-upward" />上行文</label>
    </span>
  )
}
