/**
 * WebSocket close codes used by /collab, shared so the server and the client's
 * reconnect logic agree. 4xxx are ours; `retry` says whether the client should reconnect.
 */
export const CloseCodes = {
  /** Standard: the message was larger than the configured limit. */
  MessageTooBig: { code: 1009, reason: 'message too big', retry: false },
  /** The server is shutting down or restarting; come back shortly. */
  ServerRestarting: { code: 1012, reason: 'server restarting', retry: true },
  /** A protocol message could not be decoded. */
  BadMessage: { code: 4400, reason: 'bad message', retry: false },
  /** No valid token. */
  Unauthorized: { code: 4401, reason: 'unauthorized', retry: false },
  /** The user may not open this document. */
  Forbidden: { code: 4403, reason: 'forbidden', retry: false },
  /** The document does not exist. */
  NotFound: { code: 4404, reason: 'document not found', retry: false },
  /** The document is locked (final version): the client must drop local changes and resync. */
  DocumentLocked: { code: 4409, reason: 'document locked', retry: true },
  /** The client's copy holds changes it may not make (typed offline before a lock or a change of role): drop local changes and resync. */
  ChangesRefused: { code: 4410, reason: 'changes refused', retry: true },
  /** The connection did not send its first sync message within the handshake timeout. */
  HandshakeTimeout: { code: 4408, reason: 'handshake timeout', retry: true },
  /** Updates with missing dependencies beyond the pending cap: the client's state is inconsistent. */
  PendingTooLarge: { code: 4413, reason: 'too many pending updates', retry: false },
  /** The page's editor was built for another document schema (shared/schema/version.ts): reload it. */
  EditorOutdated: { code: 4426, reason: 'editor outdated', retry: false },
  /** Too many connections for this user. */
  TooManyConnections: { code: 4429, reason: 'too many connections', retry: false },
  /** Storage failed (disk full, busy): nothing was relayed; retry later. */
  StorageUnavailable: { code: 4503, reason: 'storage unavailable', retry: true },
  /** An update failed half-way; the room was dropped and is reloaded from storage: come back. */
  DocumentReloaded: { code: 4502, reason: 'document reloaded', retry: true },
  /** The document could not be loaded (corrupt): refused rather than shown empty. */
  DocumentUnavailable: { code: 4500, reason: 'document unavailable', retry: false },
} as const

export type CloseCodeName = keyof typeof CloseCodes

export function closeCodeByNumber(code: number): (typeof CloseCodes)[CloseCodeName] | undefined {
  return Object.values(CloseCodes).find((entry) => entry.code === code)
}
