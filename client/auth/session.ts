import { useSyncExternalStore } from 'react'
import type { User } from '../api/types'

const TOKEN_KEY = 'hegao.token'
const USER_KEY = 'hegao.user'

export interface Session { token: string; user: User }

let current: Session | null = read()
/** Set when the server ended the session (expired, password changed elsewhere or reset). */
let endedByServer = false
const listeners = new Set<() => void>()

function read(): Session | null {
  try {
    const token = localStorage.getItem(TOKEN_KEY)
    const user = localStorage.getItem(USER_KEY)
    return token && user ? { token, user: JSON.parse(user) as User } : null
  } catch {
    return null
  }
}

export function getToken(): string | null {
  return current?.token ?? null
}

export function getSession(): Session | null {
  return current
}

export function saveSession(session: Session): void {
  endedByServer = false
  localStorage.setItem(TOKEN_KEY, session.token)
  localStorage.setItem(USER_KEY, JSON.stringify(session.user))
  current = session
  listeners.forEach((listener) => listener())
}

/** Signs out locally; `ended`: the server no longer accepts the token, and sign-in will say so. */
export function clearSession(ended = false): void {
  endedByServer = ended
  localStorage.removeItem(TOKEN_KEY)
  localStorage.removeItem(USER_KEY)
  current = null
  listeners.forEach((listener) => listener())
}

/** Whether the last sign-out was the server's doing, until the next sign-in. */
export function sessionEndedByServer(): boolean {
  return endedByServer
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The signed-in user (or null), re-rendering on sign-in and sign-out. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession)
}
