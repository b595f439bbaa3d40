import path from 'node:path'
import { z } from 'zod'

const MiB = 1024 * 1024

export const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1).default('./data'),
  adminPassword: z.string().min(1).optional(),
  /** Largest WebSocket message; ws refuses (1009) from the frame header, before buffering it. */
  maxMessageBytes: z.coerce.number().int().min(1024).default(4 * MiB),
  /** Where the built client lives; absent means API only. */
  staticDir: z.string().default('dist/client'),
  /** Log rows after which an open document's snapshot and log are replaced by a snapshot of the live document. */
  compactAfter: z.coerce.number().int().min(1).default(2000),
  /** Open /collab connections one account may hold at once (tabs, devices); more get 4429. */
  maxConnectionsPerUser: z.coerce.number().int().min(1).default(20),
  /** Time to finish the HTTP upgrade and then to send the first sync message. */
  handshakeTimeoutMs: z.coerce.number().int().min(100).default(10_000),
  /** Bytes the server queues for one client that does not read; beyond it the client is dropped. */
  maxBufferedBytes: z.coerce.number().int().min(64 * 1024).default(16 * MiB),
  /**
   * Updates stored within this many ms of the last relay are held and relayed together, one write
   * per connection (server/collab/updateRelay.ts); 0 relays each at once.
   */
  relayWindowMs: z.coerce.number().int().min(0).max(50).default(8),
  /** Bytes of updates a room holds back while their dependencies are missing; beyond it 4413. */
  maxPendingBytes: z.coerce.number().int().min(1024).default(1 * MiB),
  /** How long a write waits for a locked database before it counts as failed (SQLITE_BUSY). */
  busyTimeoutMs: z.coerce.number().int().min(0).default(5000),
  /** Failed logins allowed per account, and per address, within `loginWindowMs`; then 429. */
  loginMaxFailuresPerAccount: z.coerce.number().int().min(1).default(10),
  loginMaxFailuresPerAddress: z.coerce.number().int().min(1).default(50),
  loginWindowMs: z.coerce.number().int().min(1000).default(15 * 60_000),
})

export type Config = z.infer<typeof configSchema>

/** Fills defaults and validates a partial config (tests pass only what they need). */
export function resolveConfig(partial: Partial<Config> = {}): Config {
  const config = configSchema.parse(partial)
  return { ...config, dataDir: path.resolve(config.dataDir), staticDir: path.resolve(config.staticDir) }
}

/** Environment variable of each setting that can be set at start. */
const ENV: Partial<Record<keyof Config, string>> = {
  port: 'PORT',
  host: 'HOST',
  dataDir: 'HEGAO_DATA',
  adminPassword: 'HEGAO_ADMIN_PASSWORD',
  maxMessageBytes: 'HEGAO_MAX_MESSAGE_BYTES',
  staticDir: 'HEGAO_STATIC_DIR',
  compactAfter: 'HEGAO_COMPACT_AFTER',
  maxConnectionsPerUser: 'HEGAO_MAX_CONNECTIONS_PER_USER',
  handshakeTimeoutMs: 'HEGAO_HANDSHAKE_TIMEOUT_MS',
  maxBufferedBytes: 'HEGAO_MAX_BUFFERED_BYTES',
  maxPendingBytes: 'HEGAO_MAX_PENDING_BYTES',
  relayWindowMs: 'HEGAO_RELAY_WINDOW_MS',
  busyTimeoutMs: 'HEGAO_BUSY_TIMEOUT_MS',
  loginMaxFailuresPerAccount: 'HEGAO_LOGIN_MAX_FAILURES_PER_ACCOUNT',
  loginMaxFailuresPerAddress: 'HEGAO_LOGIN_MAX_FAILURES_PER_ADDRESS',
  loginWindowMs: 'HEGAO_LOGIN_WINDOW_MS',
}

/** Reads the environment once; an invalid value stops start-up with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string | undefined> = {}
  for (const [key, name] of Object.entries(ENV)) raw[key] = env[name!] || undefined
  const result = configSchema.safeParse(raw)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new Error(`invalid configuration: ${problems}`)
  }
  return resolveConfig(result.data)
}
