import { expect } from 'vitest'
import { connectClient, type TestClient, type TestServer } from './server'
import { eventually } from './retry'

/** The real clients a test file opens, so that afterEach (or a test before a restart) closes them all. */
export class ClientPool {
  private open: TestClient[] = []

  /** `server` is read at each connect: test files start their server in beforeAll. */
  constructor(private readonly server: () => TestServer) {}

  connect(documentId: string, token: string): TestClient {
    const client = connectClient(this.server(), documentId, token)
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
