/** An error that becomes an HTTP response `{"error": message}` with `status`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

export const badRequest = (message: string) => new HttpError(400, message)
export const unauthorized = (message = '未登录或登录已过期') => new HttpError(401, message)
export const forbidden = (message = '没有权限') => new HttpError(403, message)
export const notFound = (message = '未找到') => new HttpError(404, message)
export const conflict = (message: string, extra?: Record<string, unknown>) => new HttpError(409, message, extra)
