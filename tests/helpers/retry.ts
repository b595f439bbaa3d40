/** Polls `assertion` until it stops throwing (no fixed sleeps in tests). */
export async function eventually<T>(assertion: () => T | Promise<T>, { timeout = 10_000, interval = 25 } = {}): Promise<T> {
  const deadline = Date.now() + timeout
  for (;;) {
    try {
      return await assertion()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, interval))
    }
  }
}
