import { useEffect, useState } from 'react'
import { api } from '../api/client'
import type { Comparison, Version } from '../../shared/api/versions'
import type { SectionDiff } from '../../shared/compare'
import { versionKindLabel } from '../labels'
import { versionNumbers } from './versionNumbers'
import { errorMessage, formatTime } from '../workflow/format'

/** 'current' is the live content; otherwise a version id. */
export type CompareSide = number | 'current'

const changeLabels: Record<SectionDiff['change'], string> = { added: '新增', removed: '删除', changed: '修改', unchanged: '未改动' }

function versionTitle(version: Version, numberOf: (id: number) => string): string {
  return `${numberOf(version.id)} ${versionKindLabel(version.kind)}${version.name ? `「${version.name}」` : ''} · ${formatTime(version.at)}`
}

function SidePicker({ label, value, versions, onChange, testId }: {
  label: string
  value: CompareSide
  versions: Version[]
  onChange(side: CompareSide): void
  testId: string
}) {
  const numberOf = versionNumbers(versions)
  return (
    <label className="compare-side">
      <span>{label}</span>
      <select data-testid={testId} value={String(value)} onChange={(e) => onChange(e.target.value === 'current' ? 'current' : Number(e.target.value))}>
        <option value="current">当前内容</option>
        {versions.map((v) => <option key={v.id} value={v.id}>{versionTitle(v, numberOf)}</option>)}
      </select>
    </label>
  )
}

/** One section's (or the title's, or the opening's) text diff: inserted text green underlined, deleted text red struck through. */
function SectionChange({ section }: { section: SectionDiff }) {
  const title = section.part === 'section' ? `${section.number}${section.heading}` : section.heading
  return (
    <section className={`diff-section diff-${section.change}`} data-testid="diff-section" data-part={section.part} data-change={section.change} data-section-id={section.id}>
      <header className="diff-section-head">
        <span className={`diff-badge diff-badge-${section.change}`}>{changeLabels[section.change]}</span>
        <span className="diff-section-title">{title}</span>
      </header>
      <p className="diff-text">
        {section.diff.map((part, i) =>
          part.op === 'insert' ? <ins key={i} className="diff-insert" data-testid="diff-insert">{part.text}</ins>
            : part.op === 'delete' ? <del key={i} className="diff-delete" data-testid="diff-delete">{part.text}</del>
              : <span key={i}>{part.text}</span>,
        )}
      </p>
      {section.placeholders.length > 0 && (
        <ul className="diff-placeholders" data-testid="diff-placeholders">
          {section.placeholders.map((p) => (
            <li key={p.id}>
              待填项：<span className="diff-delete-plain">{p.before || '（未填写）'}</span> → <span className="diff-insert-plain">{p.after || '（未填写）'}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Two versions (or a version and the current content) side by side, section by section. */
export function CompareView({ docId, versions, from, to, onChangeSides, refreshKey }: {
  docId: string
  versions: Version[]
  from: CompareSide
  to: CompareSide
  onChangeSides(from: CompareSide, to: CompareSide): void
  /** Bumped when versions change, so a comparison with 当前 follows new content. */
  refreshKey: number
}) {
  const [result, setResult] = useState<Comparison | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [showUnchanged, setShowUnchanged] = useState(false)

  useEffect(() => {
    let cancelled = false
    setError(null)
    api<Comparison>('GET', `/api/documents/${encodeURIComponent(docId)}/compare?from=${from}&to=${to}`)
      .then((loaded) => !cancelled && setResult(loaded))
      .catch((caught) => !cancelled && setError(errorMessage(caught, '无法比较这两个版本')))
    return () => {
      cancelled = true
    }
  }, [docId, from, to, refreshKey])

  const sections = result?.sections ?? []
  const changed = sections.filter((s) => s.change !== 'unchanged')
  const shown = showUnchanged ? sections : changed
  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="compare-toolbar">
        <SidePicker label="从" value={from} versions={versions} onChange={(side) => onChangeSides(side, to)} testId="compare-from" />
        <span className="compare-arrow">→</span>
        <SidePicker label="到" value={to} versions={versions} onChange={(side) => onChangeSides(from, side)} testId="compare-to" />
        <label className="compare-unchanged">
          <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} />
          显示未改动的章节
        </label>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {result && (
        <p className="compare-summary muted" data-testid="compare-summary">
          {changed.length === 0 ? '两个版本内容相同。' : `共 ${changed.length} 处有变化（新增 ${count(sections, 'added')}，删除 ${count(sections, 'removed')}，修改 ${count(sections, 'changed')}）。`}
        </p>
      )}
      {shown.map((section) => <SectionChange key={`${section.part}-${section.change}-${section.id}`} section={section} />)}
    </div>
  )
}

function count(sections: SectionDiff[], change: SectionDiff['change']): number {
  return sections.filter((s) => s.change === change).length
}
