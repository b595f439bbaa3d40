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

/** fetch with the Bearer token; JSON in and out; `{error}` replies become ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {}
  const token = getToken()
  if (token) headers.Authorization = `Bearer ${token}`
  let payload: BodyInit | undefined
  if (body instanceof FormData) payload = body
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  let response: Response
  try {
    response = await fetch(path, { method, headers, body: payload })
  } catch {
    throw new ApiError('无法连接服务器，请检查网络', 0)
  }
  const text = await response.text()
  let data: unknown = undefined
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = text
    }
  }
  if (!response.ok) {
    const serverMessage = typeof data === 'object' && data && 'error' in data ? String((data as { error: unknown }).error) : ''
    const error = new ApiError(serverMessage || fallbackMessages[response.status] || `请求失败（${response.status}）`, response.status, data)
    if (response.status === 401 && !path.endsWith('/login')) unauthorizedListeners.forEach((listener) => listener(error))
    throw error
  }
  return data as T
}
