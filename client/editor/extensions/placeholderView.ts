import type { Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import type { NodeView } from '@tiptap/pm/view'
import { Placeholder } from '../../../shared/schema/index'
import { validatePlaceholderValue } from '../../../shared/placeholderValue'
import type { PlaceholderAttrs } from '../../../shared/docJson'

/** DOM event asking a placeholder's view to open its input (from keys, F8, the check panel). */
export const OPEN_PLACEHOLDER_EVENT = 'hegao-open-placeholder'
export interface OpenPlaceholderDetail { initial?: string }

function hintFor(attrs: PlaceholderAttrs): string {
  const what = attrs.kind === 'text' ? '文字' : attrs.pattern.includes('.') ? '小数' : '数字'
  return `待填写${what}${attrs.unit ? `（${attrs.unit}）` : ''}：点击或按回车填写，F8 跳到下一处`
}

/**
 * A placeholder as a plain-DOM NodeView. Its value is typed into a real <input> that the
 * view opens on demand, never into editable content inside the inline node (IME breaks there,
 * Tiptap #7135). Enter or leaving the input commits through a transaction on the node's
 * `value` attribute, which Yjs stores as an attribute of the Y element: two people filling the
 * same placeholder end with the last writer's value everywhere.
 */
class PlaceholderNodeView implements NodeView {
  dom: HTMLElement
  private label: HTMLElement
  private input: HTMLInputElement | null = null
  private error: HTMLElement | null = null
  private notice: HTMLElement | null = null
  private node: PMNode

  constructor(node: PMNode, private editor: Editor, private getPos: () => number | undefined) {
    this.node = node
    this.dom = document.createElement('span')
    this.dom.contentEditable = 'false'
    this.dom.setAttribute('data-type', 'placeholder')
    this.label = document.createElement('span')
    this.label.className = 'placeholder-label'
    this.dom.append(this.label)
    this.render()
    this.dom.addEventListener('mousedown', (event) => {
      if (this.input && event.target instanceof Node && this.input.parentNode?.contains(event.target)) return
      if (!this.editor.isEditable) return
      event.preventDefault()
      this.select()
      this.open()
    })
    this.dom.addEventListener(OPEN_PLACEHOLDER_EVENT, (event) => {
      this.open((event as CustomEvent<OpenPlaceholderDetail>).detail?.initial)
    })
  }

  private get attrs(): PlaceholderAttrs {
    return this.node.attrs as PlaceholderAttrs
  }

  private render() {
    const { value, pattern, unit, id, kind } = this.attrs
    const filled = Boolean(value)
    this.dom.className = `placeholder ${filled ? 'filled' : 'unfilled'}${this.input ? ' editing' : ''}`
    if (id) this.dom.setAttribute('data-id', id)
    this.dom.setAttribute('data-kind', kind)
    this.dom.setAttribute('data-pattern', pattern)
    if (unit) this.dom.setAttribute('data-unit', unit)
    this.dom.setAttribute('data-value', value ?? '')
    this.dom.title = filled ? `已填写：${value}（点击修改，清空后回车可恢复为待填写）` : hintFor(this.attrs)
    this.label.textContent = filled ? String(value) : pattern
  }

  private select() {
    const pos = this.getPos()
    if (pos === undefined) return
    const { view } = this.editor
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)))
  }

  open(initial?: string) {
    if (!this.editor.isEditable) return
    if (!this.input) {
      const box = document.createElement('span')
      box.className = 'placeholder-editor'
      const input = document.createElement('input')
      input.className = 'placeholder-input'
      input.setAttribute('aria-label', hintFor(this.attrs))
      input.placeholder = this.attrs.pattern
      input.size = Math.max(4, (this.attrs.value || '').length + 2)
      const error = document.createElement('span')
      error.className = 'placeholder-error'
      error.setAttribute('role', 'alert')
      const notice = document.createElement('span')
      notice.className = 'placeholder-notice'
      notice.setAttribute('role', 'status')
      box.append(input, error, notice)
      this.dom.append(box)
      this.input = input
      this.error = error
      this.notice = notice
      input.value = this.attrs.value ?? ''
      input.addEventListener('keydown', (event) => {
        event.stopPropagation()
        if (event.isComposing) return
        if (event.key === 'Enter') {
          event.preventDefault()
          this.commit(true)
        } else if (event.key === 'Escape') {
          event.preventDefault()
          this.close(true)
        }
      })
      input.addEventListener('input', () => {
        input.size = Math.max(4, input.value.length + 2)
        if (this.error) this.error.textContent = ''
      })
      input.addEventListener('blur', () => {
        // A value that fails validation is neither stored nor dropped unseen: the input stays
        // open with the reason beside it, until it is put right or left with Escape.
        if (this.input) this.commit(false)
      })
      this.render()
    }
    if (initial !== undefined) this.input.value = initial
    this.input.focus()
    if (initial === undefined) this.input.select()
  }

  private commit(fromKeyboard: boolean) {
    const input = this.input
    if (!input) return
    const raw = input.value.trim()
    let value = ''
    if (raw) {
      const result = validatePlaceholderValue(this.attrs, raw)
      if (!result.ok) {
        this.error!.textContent = result.message
        return
      }
      value = result.value
    }
    this.close(fromKeyboard)
    const pos = this.getPos()
    if (pos === undefined || value === (this.attrs.value ?? '')) return
    const { view } = this.editor
    const tr = view.state.tr.setNodeMarkup(pos, undefined, { ...this.node.attrs, value })
    if (fromKeyboard) tr.setSelection(TextSelection.create(tr.doc, pos + 1))
    view.dispatch(tr)
  }

  private close(refocus: boolean) {
    const box = this.input?.parentElement
    this.input = null
    this.error = null
    this.notice = null
    box?.remove()
    this.render()
    if (refocus) this.editor.view.focus()
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false
    const before = this.attrs.value ?? ''
    this.node = node
    // Our own commit closes the input first: a new value while it is open is someone else's.
    // Their value is shown, the input kept: Enter overwrites it, Escape keeps theirs.
    const value = this.attrs.value ?? ''
    if (this.notice && value !== before) {
      this.notice.textContent = value ? `他人刚填写了“${value}”：回车以您的输入覆盖，Esc 保留` : '他人刚清空了此处：回车以您的输入填写，Esc 保留清空'
    }
    this.render()
    return true
  }

  selectNode() {
    this.dom.classList.add('selected')
  }

  deselectNode() {
    this.dom.classList.remove('selected')
  }

  stopEvent(event: Event): boolean {
    // Events inside the input belong to the input, and clicks are handled by this view
    // (ProseMirror's own mouse handling would take the focus back from the input).
    if (event.type === 'mousedown' || event.type === 'click' || event.type === 'mouseup') return true
    return Boolean(this.input && event.target instanceof Node && this.input.parentElement?.contains(event.target))
  }

  ignoreMutation(): boolean {
    return true
  }

  destroy() {
    this.input = null
  }
}

/** The shared placeholder node plus the in-place filling view (client only). */
export const PlaceholderWithView = Placeholder.extend({
  addNodeView() {
    return ({ node, editor, getPos }) => new PlaceholderNodeView(node, editor, getPos as () => number | undefined)
  },
})
