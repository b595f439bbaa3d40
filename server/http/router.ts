import type { IncomingMessage, ServerResponse } from 'node:http'
import { HttpError } from './errors'

export interface RequestContext {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  params: Record<string, string>
}

export type Handler = (ctx: RequestContext) => Promise<void> | void

interface Route {
  method: string
  pattern: RegExp
  names: string[]
  handler: Handler
}

/** A minimal method + path router; `:name` segments become `params.name` (URI-decoded). */
export class Router {
  private routes: Route[] = []

  on(method: string, path: string, handler: Handler): this {
    const names: string[] = []
    const source = path
      .split('/')
      .map((segment) => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        names.push(segment.slice(1))
        return '([^/]+)'
      })
      .join('/')
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler })
    return this
  }

  /** Runs the matching handler; returns false when no route has this path (so others may serve it). */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    let pathMatched = false
    for (const route of this.routes) {
      const match = route.pattern.exec(url.pathname)
      if (!match) continue
      pathMatched = true
      if (route.method !== req.method) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, index) => {
        try {
          params[name] = decodeURIComponent(match[index + 1])
        } catch {
          throw new HttpError(400, '路径无效')
        }
      })
      await route.handler({ req, res, url, params })
      return true
    }
    if (pathMatched) throw new HttpError(405, '不支持该请求方法')
    return false
  }
}
