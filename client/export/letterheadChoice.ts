import { URGENCIES, type Letterhead, type Urgency } from '../../shared/api/letterhead'

/** What the 版头 fields hold; `urgency` '' for none. */
export interface LetterheadChoice { issuer: string; serial: string; upward: boolean; copyNumber: string; urgency: Urgency | '' }

const storageKey = (docId: string) => `hegao.letterhead.${docId}`

const EMPTY: LetterheadChoice = { issuer: '', serial: '', upward: false, copyNumber: '', urgency: '' }

/** What was entered for this document last time (the 发文字号 is usually given once, then reused). */
export function rememberedLetterhead(docId: string): LetterheadChoice {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(docId)) ?? 'null') as Partial<LetterheadChoice> | null
    const urgency = URGENCIES.find((u) => u === saved?.urgency) ?? ''
    return { issuer: saved?.issuer ?? '', serial: saved?.serial ?? '', upward: saved?.upward ?? false, copyNumber: saved?.copyNumber ?? '', urgency }
  } catch {
    return EMPTY
  }
}

export function rememberLetterhead(docId: string, choice: LetterheadChoice): void {
  localStorage.setItem(storageKey(docId), JSON.stringify(choice))
}

/** The 版头 to lay out, with a 上行文's signers; none without a 发文机关标志. */
export function letterheadOf({ issuer, serial, upward, copyNumber, urgency }: LetterheadChoice, signers: string[]): Letterhead | undefined {
  if (!issuer.trim()) return undefined
  return {
    issuer: issuer.trim(),
    serial: serial.trim(),
    ...(upward && signers.length ? { signers } : {}),
    ...(copyNumber.trim() ? { copyNumber: copyNumber.trim() } : {}),
    ...(urgency ? { urgency } : {}),
  }
}

/** The export's query for a 版头 (GB/T 9704-2012 §7.2). */
export function letterheadQuery({ issuer, serial, upward, copyNumber, urgency }: LetterheadChoice): string {
  const query = new URLSearchParams({ issuer: issuer.trim() })
  if (serial.trim()) query.set('serial', serial.trim())
  if (upward) query.set('upward', '1')
  if (copyNumber.trim()) query.set('copy', copyNumber.trim())
  if (urgency) query.set('urgency', urgency)
  return query.toString()
}
