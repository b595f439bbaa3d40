/** The 版头 an export may carry (GB/T 9704-2012 §7.2; figures in shared/layout/gbt9704.ts). */
export interface Letterhead {
  /** 发文机关标志, e.g. 县统计局文件. */
  issuer: string
  /** 发文字号, e.g. 县统发〔2026〕5号. */
  serial?: string
  /** 签发人 of a 上行文 (the document's named signers); the 发文字号 then stands left, they right. */
  signers?: string[]
}

/** The longest 发文机关标志 and 发文字号 the export takes (query `issuer`, `serial`; `upward=1` for a 上行文). */
export const LETTERHEAD_LIMITS = { issuer: 30, serial: 40 } as const
