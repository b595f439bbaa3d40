import { useEffect, useRef } from 'react'
import type { EventKind } from '../../shared/documentEvents'

export type { EventKind }
/** 'all' is sent after every reconnection: events may have been missed meanwhile. */
export type DocumentEventKind = EventKind | 'all'

type Listener = (kind: DocumentEventKind) => void

interface SharedSource {
  source: EventSource
  listeners: Set<Listener>
}

/**
 * One EventSource per document and token, shared by every component of the page: browsers
 * allow only six HTTP/1.1 connections per host, and each open stream holds one.
 */
const sources = new Map<string, SharedSource>()

function subscribe(docId: string, token: string, listener: Listener): () => void {
  const key = `${docId}\n${token}`
  let shared = sources.get(key)
  if (!shared) {
    const source = new EventSource(`/api/documents/${encodeURIComponent(docId)}/events?token=${encodeURIComponent(token)}`)
    const listeners = new Set<Listener>()
    let opened = false
    source.onopen = () => {
      // The first open follows the page's own initial load; later ones follow a gap.
      if (opened) listeners.forEach((each) => each('all'))
      opened = true
    }
    source.onmessage = (message) => {
      let kind: EventKind
      try {
        kind = (JSON.parse(message.data as string) as { kind: EventKind }).kind
      } catch {
        return // a malformed event is ignored; the next one or the next reconnect brings the page up to date
      }
      listeners.forEach((each) => each(kind))
    }
    shared = { source, listeners }
    sources.set(key, shared)
  }
  shared.listeners.add(listener)
  const current = shared
  return () => {
    current.listeners.delete(listener)
    if (current.listeners.size === 0) {
      current.source.close()
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
