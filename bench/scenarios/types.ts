import type { ServerKind } from '../clients/connect'

export interface RunOptions {
  quick: boolean
  servers: ServerKind[]
}

/** What a scenario hands back: a printable table, one JSON line, and target verdicts. */
export interface ScenarioResult {
  name: string
  table: string
  json: Record<string, unknown>
  /** Each target of the issue this scenario decides, with whether it was met. */
  targets: { target: string; met: boolean; detail: string }[]
  notes?: string[]
  /** Headline figures of ours beside the references', for the ratio table of RESULTS.md. */
  ratios?: Ratio[]
}

export interface Ratio {
  metric: string
  /** Lower is better for every metric here. */
  values: Partial<Record<ServerKind, number>>
}

/** One Ratio per metric from rows that have a `server` field. */
export function ratioOf<T extends { server: ServerKind | string }>(metric: string, rows: T[], value: (row: T) => number): Ratio {
  const values: Partial<Record<ServerKind, number>> = {}
  for (const row of rows) if (row.server !== 'decode') values[row.server as ServerKind] = value(row)
  return { metric, values }
}
