/** The 版头 an export may carry (GB/T 9704-2012 §7.2; figures in shared/layout/gbt9704.ts). */
export interface Letterhead {
  /** 发文机关标志, e.g. 县统计局文件. */
  issuer: string
  /** 发文字号, e.g. 县统发〔2026〕5号. */
  serial?: string
  /** 签发人 of a 上行文 (the document's named signers); the 发文字号 then stands left, they right. */
  signers?: string[]
  /** 份号 (§7.2.1), as typed: 1–6 digits, laid out as six (copyNumberText). */
  copyNumber?: string
  /** 紧急程度 (§7.2.3). */
  urgency?: Urgency
}

/**
 * §7.2.3 紧急程度 of a 公文. (§7.2.2 密级 is not offered: a classified document must not be drafted
 * on a system that is not approved for classified work, which this server is not.)
 */
export const URGENCIES = ['特急', '加急'] as const
export type Urgency = (typeof URGENCIES)[number]

/** The longest 发文机关标志 and 发文字号 the export takes (query `issuer`, `serial`; `upward=1` for a 上行文). */
export const LETTERHEAD_LIMITS = { issuer: 30, serial: 40 } as const

/** A 份号 as typed: one to six digits (query `copy`). */
export const COPY_NUMBER = /^\d{1,6}$/

/** §7.2.1 "一般用6位3号阿拉伯数字": a shorter number is padded with zeros. */
export const copyNumberText = (copyNumber: string): string => copyNumber.padStart(6, '0')

/** What stands above the 发文机关标志, each on its own line from the text area's top (§7.2.3: 份号, then 紧急程度). */
export function letterheadMarks({ copyNumber, urgency }: Letterhead): { text: string; kind: 'copyNumber' | 'urgency' }[] {
  return [
    ...(copyNumber ? [{ text: copyNumberText(copyNumber), kind: 'copyNumber' as const }] : []),
    ...(urgency ? [{ text: urgency, kind: 'urgency' as const }] : []),
  ]
}
