import { getToken } from '../auth/session'

/** An API call that failed; `message` is Chinese and can be shown to the user as is. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly body?: unknown) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Used when the server gave no message of its own (e.g. a proxy error page). */
const fallbackMessages: Record<number, string> = {
  400: '请求无效',
  401: '请先登录',
  403: '您没有执行此操作的权限',
  404: '未找到',
  409: '当前状态下不能执行此操作',
  413: '文件过大',
}

type Listener = (error: ApiError) => void
const unauthorizedListeners = new Set<Listener>()

/** Lets the app send the user to the sign-in page whenever the token stops working. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener)
  return () => unauthorizedListeners.delete(listener)
}

/** fetch with the Bearer token; a request that does not reach the server becomes ApiError. */
async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {}
  const token = getToken()
  if (token) headers.Authorization = `Bearer ${token}`
  let payload: BodyInit | undefined
  if (body instanceof FormData) payload = body
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  try {
    return await fetch(path, { method, headers, body: payload })
  } catch {
    throw new ApiError('无法连接服务器，请检查网络', 0)
  }
}

/** The reply's body: JSON when it parses, its text otherwise. */
async function replyData(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** A failed reply as ApiError, with the server's `{error}` message when it sent one. */
function failure(response: Response, data: unknown, path: string): ApiError {
  const serverMessage = typeof data === 'object' && data && 'error' in data ? String((data as { error: unknown }).error) : ''
  const error = new ApiError(serverMessage || fallbackMessages[response.status] || `请求失败（${response.status}）`, response.status, data)
  if (response.status === 401 && !path.endsWith('/login')) unauthorizedListeners.forEach((listener) => listener(error))
  return error
}

/** An API call: JSON in and out; `{error}` replies become ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body)
  const data = await replyData(response)
  if (!response.ok) throw failure(response, data, path)
  return data as T
}

/** A file from the API (an export), with the name the server gave it. */
export async function fetchFile(path: string): Promise<{ blob: Blob; filename: string | null }> {
  const response = await send('GET', path)
  if (!response.ok) throw failure(response, await replyData(response), path)
  const disposition = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('Content-Disposition') ?? '')
  return { blob: await response.blob(), filename: disposition ? decodeURIComponent(disposition[1]) : null }
}
