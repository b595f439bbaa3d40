/** Hidden tabs get no animation frames; what waits for one still runs after this long. */
const HIDDEN_FALLBACK_MS = 100

export interface AfterFrame {
  /** Runs the task in a task of its own right after the next frame (once, however often called). */
  schedule(): void
  scheduled(): boolean
  /** Forgets the scheduled run (the caller ran the work itself). */
  clear(): void
  stop(): void
}

/**
 * Work the screen does not wait for, run right after the next frame: it then neither delays
 * that frame nor lengthens the task of the key that caused it.
 */
export function afterFrame(task: () => void): AfterFrame {
  let frame = 0
  let fallback: ReturnType<typeof setTimeout> | undefined
  let posted = false
  const channel = new MessageChannel()
  const clear = () => {
    if (frame) cancelAnimationFrame(frame)
    clearTimeout(fallback)
    frame = 0
    fallback = undefined
    posted = false
  }
  const scheduled = () => Boolean(frame || fallback || posted)
  const run = () => {
    if (!scheduled()) return
    clear()
    task()
  }
  channel.port1.onmessage = run
  return {
    schedule() {
      if (scheduled()) return
      frame = requestAnimationFrame(() => {
        frame = 0
        posted = true
        channel.port2.postMessage(null)
      })
      fallback = setTimeout(run, HIDDEN_FALLBACK_MS)
    },
    scheduled,
    clear,
    stop() {
      clear()
      channel.port1.close()
    },
  }
}
