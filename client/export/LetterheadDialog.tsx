import { useState, type FormEvent } from 'react'
import { Dialog } from '../workflow/Dialog'
import { LETTERHEAD_LIMITS } from '../../shared/api/letterhead'
import { rememberLetterhead, rememberedLetterhead, type LetterheadChoice } from './letterheadChoice'
import { LetterheadMarkFields } from './LetterheadMarkFields'

/**
 * 带版头导出: the 发文机关标志 in red, the 发文字号 and the red line above the title, as printed on
 * the office's letterhead; for a 上行文 the document's 签发人 stand beside the 发文字号.
 */
export function LetterheadDialog({ docId, onExport, onClose }: { docId: string; onExport(choice: LetterheadChoice): void; onClose(): void }) {
  const [choice, setChoice] = useState(() => rememberedLetterhead(docId))

  function submit(event: FormEvent) {
    event.preventDefault()
    rememberLetterhead(docId, choice)
    onExport(choice)
  }

  return (
    <Dialog label="导出带版头的 Word 文档" testId="letterhead-dialog" onClose={onClose}>
      <form onSubmit={submit} id="letterhead-form">
        <p className="muted">按 GB/T 9704-2012 排版头：份号和紧急程度（如有）、红色发文机关标志、发文字号和红色分隔线，标题排在分隔线下空二行。</p>
        <label className="field">
          <span>发文机关标志</span>
          <input value={choice.issuer} onChange={(e) => setChoice({ ...choice, issuer: e.target.value })} required maxLength={LETTERHEAD_LIMITS.issuer} placeholder="如：县统计局文件" data-testid="letterhead-issuer" />
        </label>
        <label className="field">
          <span>发文字号（可不填）</span>
          <input value={choice.serial} onChange={(e) => setChoice({ ...choice, serial: e.target.value })} maxLength={LETTERHEAD_LIMITS.serial} placeholder="如：县统发〔2026〕5号" data-testid="letterhead-serial" />
        </label>
        <LetterheadMarkFields choice={choice} onChange={setChoice} testIdPrefix="letterhead" labelled />
        <label className="checkbox-field">
          <input type="checkbox" checked={choice.upward} onChange={(e) => setChoice({ ...choice, upward: e.target.checked })} data-testid="letterhead-upward" />
          <span>上行文（发文字号居左，右侧列出本文档的签发人）</span>
        </label>
      </form>
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>取消</button>
        <button className="button primary" type="submit" form="letterhead-form" data-testid="letterhead-export">导出</button>
      </div>
    </Dialog>
  )
}
