import path from 'node:path'
import { z } from 'zod'

const MiB = 1024 * 1024

export const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1).default('./data'),
  adminPassword: z.string().min(1).optional(),
  maxMessageBytes: z.coerce.number().int().min(1024).default(4 * MiB),
  /** Where the built client lives; absent means API only. */
  staticDir: z.string().default('dist/client'),
  /** Log rows after which a document's update log is merged into its snapshot. */
  compactAfter: z.coerce.number().int().min(1).default(500),
})

export type Config = z.infer<typeof configSchema>

/** Fills defaults and validates a partial config (tests pass only what they need). */
export function resolveConfig(partial: Partial<Config> = {}): Config {
  const config = configSchema.parse(partial)
  return { ...config, dataDir: path.resolve(config.dataDir), staticDir: path.resolve(config.staticDir) }
}

/** Reads the environment once; an invalid value stops start-up with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = {
    port: env.PORT || undefined,
    host: env.HOST || undefined,
    dataDir: env.HEGAO_DATA || undefined,
    adminPassword: env.HEGAO_ADMIN_PASSWORD || undefined,
    maxMessageBytes: env.HEGAO_MAX_MESSAGE_BYTES || undefined,
  }
  const result = configSchema.safeParse(raw)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new Error(`invalid configuration: ${problems}`)
  }
  return resolveConfig(result.data)
}
