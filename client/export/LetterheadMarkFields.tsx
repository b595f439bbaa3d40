import { URGENCIES, type Urgency } from '../../shared/api/letterhead'
import type { LetterheadChoice } from './letterheadChoice'

/**
 * 份号 and 紧急程度 (GB/T 9704 §7.2.1, §7.2.3), in the export dialog and the print view's toolbar.
 * The 份号 takes one to six digits, as the server does.
 */
export function LetterheadMarkFields({ choice, onChange, testIdPrefix, labelled }: { choice: LetterheadChoice; onChange(choice: LetterheadChoice): void; testIdPrefix: string; labelled?: boolean }) {
  const copy = (
    <input
      value={choice.copyNumber}
      onChange={(e) => onChange({ ...choice, copyNumber: e.target.value.replace(/\D/g, '') })}
      inputMode="numeric"
      pattern="\d{1,6}"
      maxLength={6}
      placeholder={labelled ? '如：000001' : '份号'}
      aria-label="份号"
      data-testid={`${testIdPrefix}-copy`}
    />
  )
  const urgency = (
    <select value={choice.urgency} onChange={(e) => onChange({ ...choice, urgency: e.target.value as Urgency | '' })} aria-label="紧急程度" data-testid={`${testIdPrefix}-urgency`}>
      <option value="">{labelled ? '无' : '紧急程度'}</option>
      {URGENCIES.map((u) => <option key={u} value={u}>{u}</option>)}
    </select>
  )
  if (!labelled) return <>{copy}{urgency}</>
  return (
    <div className="field-row">
      <label className="field"><span>份号（可不填）</span>{copy}</label>
      <label className="field"><span>紧急程度</span>{urgency}</label>
    </div>
  )
}
