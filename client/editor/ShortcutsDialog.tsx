import { useState } from 'react'
import { CloseFooter, Dialog } from '../workflow/Dialog'

/** The editor's keys, which nothing on the page shows otherwise (README "Using the editor"). */
const SHORTCUTS: [keys: string, action: string][] = [
  ['Ctrl+Z / Ctrl+Y', '撤销 / 重做（只撤销自己的修改）'],
  ['Ctrl+F / Ctrl+H', '查找 / 查找替换'],
  ['Enter / Shift+Enter', '查找栏中：下一个 / 上一个'],
  ['F8 / Shift+F8', '下一个 / 上一个待填项'],
  ['Enter 或数字键', '在待填项上：就地填写（空值 + Enter 清除，Esc 取消）'],
  ['Tab / Shift+Tab', '在标题中：降一级 / 升一级；在表格中：下一格 / 上一格（末格按 Tab 新增一行）'],
  ['Ctrl+Alt+1 … 4', '设为一级至四级标题'],
  ['Ctrl+Alt+0', '设为正文'],
  ['Alt+Shift+↑ / ↓', '整节上移 / 下移'],
]

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog label="快捷键" testId="shortcuts-dialog" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <th scope="row"><kbd>{keys}</kbd></th>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CloseFooter testId="shortcuts-close" onClose={onClose} />
    </Dialog>
  )
}

/** 快捷键 above the page: opens the list. */
export function ShortcutsButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button toolbar-button" onClick={() => setOpen(true)} data-testid="shortcuts-open">快捷键</button>
      {open && <ShortcutsDialog onClose={() => setOpen(false)} />}
    </>
  )
}
