/**
 * Structured JSON logs, one object per line. Fields whose names suggest secrets are
 * masked here, so a careless call site cannot leak a token or password into the logs.
 */
type Level = 'debug' | 'info' | 'warn' | 'error'

const SECRET_KEY = /token|password|secret|authorization/i
let quiet = process.env.HEGAO_LOG === 'silent'

export function setLogQuiet(value: boolean): void {
  quiet = value
}

function scrub(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_KEY.test(key)) out[key] = '[redacted]'
    else if (value instanceof Error) out[key] = { message: value.message, name: value.name }
    else out[key] = value
  }
  return out
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (quiet && level !== 'error') return
  if (level === 'debug' && process.env.HEGAO_LOG !== 'debug') return
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...scrub(fields) })
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n')
  else process.stdout.write(line + '\n')
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
}
