type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement

/** The browser's own message for a field it refuses, in Chinese whatever the browser's language. */
function messageFor(field: Field): string {
  const { validity } = field
  if (validity.valueMissing) {
    if (field instanceof HTMLSelectElement) return '请选择一项'
    if (field instanceof HTMLInputElement && field.type === 'checkbox') return '请勾选此项'
    if (field instanceof HTMLInputElement && field.type === 'file') return '请选择文件'
    return '请填写此项'
  }
  if (validity.tooShort && 'minLength' in field) return `请至少填写 ${field.minLength} 个字符`
  if (validity.tooLong && 'maxLength' in field) return `最多 ${field.maxLength} 个字符`
  if (validity.typeMismatch || validity.patternMismatch || validity.badInput) return '格式不正确'
  if (validity.rangeUnderflow || validity.rangeOverflow || validity.stepMismatch) return '数值不在允许的范围内'
  return ''
}

const isField = (target: EventTarget | null): target is Field =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement

/**
 * Form checks (`required`, `maxLength` …) are the browser's, and so are their messages: English
 * in an English browser. This gives every refused field a Chinese message, and takes it back as
 * soon as the form changes, so the browser checks it afresh.
 */
export function installChineseValidation(root: Document = document): void {
  root.addEventListener('invalid', (event) => {
    if (!isField(event.target)) return
    const field = event.target
    field.setCustomValidity('')
    if (!field.validity.valid) field.setCustomValidity(messageFor(field))
  }, true)
  // A custom message is a refusal of its own, whatever the field's constraints become. A field's
  // constraints may hang on another one's value (the new document's title is optional once a file
  // is chosen), so a change anywhere in the form takes back the messages of all its fields.
  const reset = (event: Event) => {
    if (!isField(event.target)) return
    const form = event.target.form
    for (const field of form ? Array.from(form.elements).filter(isField) : [event.target]) field.setCustomValidity('')
  }
  root.addEventListener('input', reset, true)
  root.addEventListener('change', reset, true)
}
