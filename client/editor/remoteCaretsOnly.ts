import type { Awareness } from 'y-protocols/awareness'

type ChangeListener = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void

/**
 * The awareness as the caret extension sees it: a 'change' about this window's own state alone
 * is not passed on. Our caret moves with every key, and @tiptap/y-tiptap answers every 'change'
 * by rebuilding the decorations of all remote carets in a transaction of its own (0.3–2.6 ms
 * after each key), although its own caret is never drawn and local edits already move the others.
 */
export function remoteCaretsOnly(awareness: Awareness): Awareness {
  const wrapped = new WeakMap<ChangeListener, ChangeListener>()
  const own = awareness.clientID
  const wrap = (listener: ChangeListener): ChangeListener => {
    let filtered = wrapped.get(listener)
    if (!filtered) {
      filtered = (change, origin) => {
        const ids = [...change.added, ...change.updated, ...change.removed]
        if (ids.length > 0 && ids.every((id) => id === own)) return
        listener(change, origin)
      }
      wrapped.set(listener, filtered)
    }
    return filtered
  }
  return new Proxy(awareness, {
    get(target, property, receiver) {
      if (property === 'on' || property === 'off') {
        return (event: string, listener: ChangeListener) =>
          target[property](event as 'change', event === 'change' ? wrap(listener) : listener)
      }
      return Reflect.get(target, property, receiver)
    },
  })
}
