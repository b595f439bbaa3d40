import type { ImportReport } from '../api/types'

/** What the importer recognised (its one-sentence summary) and what it corrected (e.g. numbering gaps). */
export function ImportReportView({ report }: { report: ImportReport }) {
  const corrections = report.corrections ?? []
  const warnings = report.warnings ?? []
  return (
    <div className="import-report" data-testid="import-report">
      {report.summary && <p data-testid="import-summary">{report.summary}</p>}
      <h3>自动更正（{corrections.length}）</h3>
      {corrections.length === 0 ? (
        <p className="muted">无需更正。</p>
      ) : (
        <ul data-testid="import-corrections">
          {corrections.map((correction, index) => (
            <li key={index}>{correction.message}</li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <>
          <h3>提示</h3>
          <ul data-testid="import-warnings">{warnings.map((warning, index) => <li key={index}>{warning}</li>)}</ul>
        </>
      )}
    </div>
  )
}
