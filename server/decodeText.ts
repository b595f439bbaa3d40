/** UTF-8 (with or without BOM) first and strictly, then GB18030, which older office PCs still write. */
export function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('gb18030').decode(data)
  }
}

/**
 * Why a `.txt` upload cannot be a draft, if it cannot: a Word file renamed (it would come in as
 * a title of binary and stars read as placeholders), another binary file, or nothing to import.
 */
export function textFileProblem(data: Uint8Array): string | null {
  if (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) return '该文件实际是 Word 文档（.docx）：请把扩展名改为 .docx 后再导入'
  if (data.includes(0)) return '该文件不是文本文件，无法导入'
  if (!decodeText(data).trim()) return '文件是空的，没有可导入的内容'
  return null
}

/** What to say about a file of another kind: an old .doc can be saved as .docx. */
export function unsupportedFileMessage(ext: string): string {
  return ext === '.doc' || ext === '.wps' ? '不能导入旧版 Word / WPS（.doc、.wps）文件：请在 Word 或 WPS 中另存为 .docx 后再导入' : '只能导入 .txt 或 .docx 文件'
}
