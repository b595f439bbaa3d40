import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { connectClient, startTestServer, type ClientOptions, type TestClient, type TestServer } from './server'
import { eventually } from './retry'

/** The real clients a test file opens, so that afterEach (or a test before a restart) closes them all. */
export class ClientPool {
  private open: TestClient[] = []

  /** `server` is read at each connect: test files start their server in beforeAll. */
  constructor(private readonly server: () => TestServer) {}

  connect(documentId: string, token: string, options?: ClientOptions): TestClient {
    const client = connectClient(this.server(), documentId, token, options)
    this.open.push(client)
    return client
  }

  closeAll(): void {
    for (const client of this.open.splice(0)) client.destroy()
  }
}

/** Waits until every client has had its first sync with the server. */
export async function synced(...clients: TestClient[]): Promise<void> {
  await eventually(() => clients.forEach((client) => expect(client.provider.synced).toBe(true)))
}

/**
 * The hooks of a test file that shares one in-process server: started with these accounts
 * (password `<name>-password`) before its tests, `pool`'s clients closed after each test,
 * stopped after all. `ready` receives the server and each account's token.
 */
export function withTestServer(usernames: string[], ready: (server: TestServer, tokens: Record<string, string>) => void, pool?: ClientPool): void {
  let server: TestServer | undefined
  beforeAll(async () => {
    server = await startTestServer()
    const tokens: Record<string, string> = {}
    for (const username of usernames) tokens[username] = await server.user(username)
    ready(server, tokens)
  })
  if (pool) afterEach(() => pool.closeAll())
  afterAll(async () => {
    await server?.close()
  })
}
