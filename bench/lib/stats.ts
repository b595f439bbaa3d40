/** Small statistics helpers shared by the scenarios and the load generators. */

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

export function median(values: number[]): number {
  return percentile(values, 50)
}

export interface Distribution {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

export function distribution(values: number[]): Distribution {
  return {
    count: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    // Not Math.max(...values): a spread of tens of thousands of arguments can overflow the stack.
    max: round(values.length ? values.reduce((a, b) => Math.max(a, b)) : NaN),
  }
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** A wall clock shared by processes on one machine, in milliseconds with sub-ms precision. */
export function wallNow(): number {
  return performance.timeOrigin + performance.now()
}
