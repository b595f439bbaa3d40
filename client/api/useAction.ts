import { useState } from 'react'
import { errorMessage } from '../workflow/format'

export interface Action {
  /** True while the action runs: its buttons are disabled so it is not sent twice. */
  busy: boolean
  error: string | null
  /** For the form's own checks (e.g. an empty field) and for clearing the message. */
  setError(message: string | null): void
  /** Runs `action`; on success `after` (close, clear the field…), on failure the message is shown. */
  run(action: () => Promise<void>, after?: () => void): Promise<void>
}

/**
 * One user action against the API, as forms and dialogs run it: busy while it runs, the
 * server's Chinese message (or `failure` when it gave none) when it fails.
 */
export function useAction(failure: string): Action {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (action: () => Promise<void>, after?: () => void) => {
    setBusy(true)
    setError(null)
    try {
      await action()
      after?.()
    } catch (caught) {
      setError(errorMessage(caught, failure))
    } finally {
      setBusy(false)
    }
  }

  return { busy, error, setError, run }
}
