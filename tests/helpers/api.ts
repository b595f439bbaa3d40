/** Calls the HTTP API of a test server as JSON; throws with the status and body on an error reply. */
export async function apiCall<T>(baseUrl: string, method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(baseUrl + url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

export interface ApiResponse<T = any> {
  status: number
  body: T
  headers: Headers
}

export interface ApiOptions {
  token?: string
  /** Sent as JSON unless it is FormData or a string. */
  body?: unknown
  headers?: Record<string, string>
}

/** Calls the HTTP API and returns status, parsed body (text if not JSON) and headers, errors included. */
export async function requestApi<T = any>(baseUrl: string, method: string, urlPath: string, { token, body, headers = {} }: ApiOptions = {}): Promise<ApiResponse<T>> {
  const init: RequestInit = { method, headers: { ...headers } }
  if (token) (init.headers as Record<string, string>).Authorization = `Bearer ${token}`
  if (body instanceof FormData || typeof body === 'string') init.body = body
  else if (body !== undefined) {
    init.body = JSON.stringify(body)
    ;(init.headers as Record<string, string>)['Content-Type'] = 'application/json'
  }
  const response = await fetch(baseUrl + urlPath, init)
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers }
}
