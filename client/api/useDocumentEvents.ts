import { useEffect, useRef } from 'react'
import type { EventKind } from '../../shared/documentEvents'

export type { EventKind }
/** 'all' is sent after every reconnection: events may have been missed meanwhile. */
export type DocumentEventKind = EventKind | 'all'

type Listener = (kind: DocumentEventKind) => void

interface SharedSource {
  source: EventSource
  listeners: Set<Listener>
  stop(): void
}

/**
 * How long after the browser gave up on a stream it is opened again: the browser retries a dropped
 * stream by itself, but not one a server or proxy answered with an error (a 502 while the server
 * restarts). Doubled after each failure up to a minute, so a refusal for good (a removed member)
 * costs little.
 */
const REOPEN_MS = 3000
const REOPEN_MAX_MS = 60_000

/**
 * One EventSource per document and token, shared by every component of the page: browsers
 * allow only six HTTP/1.1 connections per host, and each open stream holds one.
 */
const sources = new Map<string, SharedSource>()

function open(docId: string, token: string, listeners: Set<Listener>): SharedSource {
  const notify = (kind: DocumentEventKind) => listeners.forEach((each) => each(kind))
  let reopening: ReturnType<typeof setTimeout> | undefined
  let delay = REOPEN_MS
  let opened = false
  const connect = () => {
    const source = new EventSource(`/api/documents/${encodeURIComponent(docId)}/events?token=${encodeURIComponent(token)}`)
    source.onopen = () => {
      // The first open follows the page's own initial load; later ones follow a gap.
      if (opened) notify('all')
      opened = true
      delay = REOPEN_MS
    }
    source.onmessage = (message) => {
      let kind: EventKind
      try {
        kind = (JSON.parse(message.data as string) as { kind: EventKind }).kind
      } catch {
        return // a malformed event is ignored; the next one or the next reconnect brings the page up to date
      }
      notify(kind)
    }
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED || reopening) return
      reopening = setTimeout(reopen, delay)
      delay = Math.min(REOPEN_MAX_MS, delay * 2)
    }
    return source
  }
  const reopen = () => {
    reopening = undefined
    shared.source.close()
    shared.source = connect()
  }
  // Back on the network: what was announced meanwhile may never have arrived, even on a stream the
  // browser still counts as open.
  const online = () => {
    if (shared.source.readyState === EventSource.CLOSED) {
      clearTimeout(reopening)
      reopen()
    }
    notify('all')
  }
  window.addEventListener('online', online)
  const shared: SharedSource = {
    source: connect(),
    listeners,
    stop() {
      clearTimeout(reopening)
      window.removeEventListener('online', online)
      shared.source.close()
    },
  }
  return shared
}

function subscribe(docId: string, token: string, listener: Listener): () => void {
  const key = `${docId}\n${token}`
  let shared = sources.get(key)
  if (!shared) {
    shared = open(docId, token, new Set())
    sources.set(key, shared)
  }
  shared.listeners.add(listener)
  const current = shared
  return () => {
    current.listeners.delete(listener)
    if (current.listeners.size === 0) {
      current.stop()
      sources.delete(key)
    }
  }
}

/**
 * Calls `onEvent` with what changed about the document (status, members, comments, assignments,
 * versions) as the server announces it, so the caller re-reads just that through the API.
 */
export function useDocumentEvents(docId: string, token: string, onEvent: (kind: DocumentEventKind) => void): void {
  const handler = useRef(onEvent)
  handler.current = onEvent
  useEffect(() => subscribe(docId, token, (kind) => handler.current(kind)), [docId, token])
}
