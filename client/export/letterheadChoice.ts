import type { Letterhead } from '../../shared/api/letterhead'

export interface LetterheadChoice { issuer: string; serial: string; upward: boolean }

const storageKey = (docId: string) => `hegao.letterhead.${docId}`

/** What was entered for this document last time (the 发文字号 is usually given once, then reused). */
export function rememberedLetterhead(docId: string): LetterheadChoice {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(docId)) ?? 'null') as Partial<LetterheadChoice> | null
    return { issuer: saved?.issuer ?? '', serial: saved?.serial ?? '', upward: saved?.upward ?? false }
  } catch {
    return { issuer: '', serial: '', upward: false }
  }
}

export function rememberLetterhead(docId: string, choice: LetterheadChoice): void {
  localStorage.setItem(storageKey(docId), JSON.stringify(choice))
}

/** The 版头 to lay out, with a 上行文's signers; none without a 发文机关标志. */
export function letterheadOf({ issuer, serial, upward }: LetterheadChoice, signers: string[]): Letterhead | undefined {
  if (!issuer.trim()) return undefined
  return { issuer: issuer.trim(), serial: serial.trim(), ...(upward && signers.length ? { signers } : {}) }
}

/** The export's query for a 版头 (GB/T 9704-2012 §7.2). */
export function letterheadQuery({ issuer, serial, upward }: LetterheadChoice): string {
  const query = new URLSearchParams({ issuer: issuer.trim() })
  if (serial.trim()) query.set('serial', serial.trim())
  if (upward) query.set('upward', '1')
  return query.toString()
}

