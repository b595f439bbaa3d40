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
