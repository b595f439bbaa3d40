/**
 * Counts failed logins per account and per address within a window, so that guessing a
 * password is slow: after too many failures the next attempts are refused (429) until the
 * oldest failure leaves the window. In memory: a restart forgives, which is acceptable for one
 * office server and keeps the database free of attacker-controlled rows.
 */
export interface LoginLimits {
  loginMaxFailuresPerAccount: number
  loginMaxFailuresPerAddress: number
  loginWindowMs: number
}

/** Above this many tracked keys, expired ones are swept (a spray of names cannot grow it forever). */
const SWEEP_ABOVE = 10_000

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>()

  constructor(private readonly limits: LoginLimits) {}

  /** How long (ms) an attempt for `username` from `address` stays refused: 0 when it may go ahead now. */
  blockedFor(username: string, address: string, now = Date.now()): number {
    return Math.max(
      this.waitFor(`user:${username.toLowerCase()}`, this.limits.loginMaxFailuresPerAccount, now),
      this.waitFor(`addr:${address}`, this.limits.loginMaxFailuresPerAddress, now),
    )
  }

  /** Until the failure that keeps the count at `max` leaves the window. */
  private waitFor(key: string, max: number, now: number): number {
    if (this.recent(key, now) < max) return 0
    const list = this.failures.get(key)!
    return list[list.length - max] + this.limits.loginWindowMs - now
  }

  failed(username: string, address: string, now = Date.now()): void {
    if (this.failures.size > SWEEP_ABOVE) this.sweep(now)
    for (const key of [`user:${username.toLowerCase()}`, `addr:${address}`]) {
      const list = this.failures.get(key) ?? []
      list.push(now)
      // Only the newest `max` matter for the decision.
      if (list.length > Math.max(this.limits.loginMaxFailuresPerAccount, this.limits.loginMaxFailuresPerAddress)) list.shift()
      this.failures.set(key, list)
    }
  }

  /** A correct password clears the account's count (not the address's: one address, many names). */
  succeeded(username: string): void {
    this.failures.delete(`user:${username.toLowerCase()}`)
  }

  private recent(key: string, now: number): number {
    const list = this.failures.get(key)
    if (!list) return 0
    const since = now - this.limits.loginWindowMs
    while (list.length > 0 && list[0] <= since) list.shift()
    if (list.length === 0) this.failures.delete(key)
    return list.length
  }

  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now)
  }
}
