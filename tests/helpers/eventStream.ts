import type { TestServer } from './server'

export interface EventStream {
  /** The event kinds received so far, in order. */
  kinds: string[]
  /** Resolves when the stream has ended (the server closed it). */
  ended: Promise<void>
  close(): void
}

/** Opens a document's server-sent event stream as the browser's EventSource would (token in the query). */
export async function openEventStream(server: TestServer, documentId: string, token: string): Promise<EventStream> {
  const controller = new AbortController()
  const response = await fetch(`${server.url}/api/documents/${documentId}/events?token=${encodeURIComponent(token)}`, {
    signal: controller.signal,
  })
  if (response.status !== 200 || !response.body) throw new Error(`event stream refused: ${response.status}`)
  const kinds: string[] = []
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  const ended = (async () => {
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += value
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          for (const line of block.split('\n')) {
            if (line.startsWith('data: ')) kinds.push((JSON.parse(line.slice(6)) as { kind: string }).kind)
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })()
  return { kinds, ended, close: () => controller.abort() }
}
