import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { SECURITY_HEADERS, sendJson } from './respond'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

/**
 * Serves the built client. Unknown paths get index.html (the client routes itself), except
 * paths that look like files, which get a 404 so a missing asset is not answered with HTML.
 */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, { error: '不支持该请求方法' })
    return
  }
  let relative: string
  try {
    relative = decodeURIComponent(url.pathname)
  } catch {
    sendJson(res, 400, { error: '路径无效' })
    return
  }
  const target = path.resolve(root, '.' + path.posix.normalize(relative))
  const inside = target === root || target.startsWith(root + path.sep)
  let file = inside && isFile(target) ? target : undefined
  if (!file && !path.extname(relative)) file = isFile(path.join(root, 'index.html')) ? path.join(root, 'index.html') : undefined
  if (!file) {
    sendJson(res, 404, { error: '未找到' })
    return
  }
  const ext = path.extname(file)
  // Vite fingerprints assets, so they may be cached forever; index.html must always be fresh.
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'
  const data = fs.readFileSync(file)
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': data.length,
    'Cache-Control': cache,
  })
  res.end(req.method === 'HEAD' ? undefined : data)
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}
