import { z } from 'zod'

/** What a value should have been, in the words of the forms (a field is 文字, never a `string`). */
const KINDS: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', boolean: '是或否', array: '列表', object: '一组字段', null: '空值',
}

/** How long or how many: characters of a text, items of a list. */
const UNITS: Record<string, string> = { string: '个字', array: '项', set: '项' }

/**
 * Zod's messages for the inputs whose schema gives none of its own, as plain Chinese: zod's own
 * Chinese names the JavaScript types and sizes (期望 string <=200 字符), which no user knows.
 * What this does not word is left to zod's Chinese.
 */
function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必须填写' : `应为${KINDS[issue.expected] ?? '其他类型'}`
    case 'too_small': {
      const unit = UNITS[issue.origin]
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return '不能为空'
      if (unit) return `至少 ${issue.minimum} ${unit}`
      return `不能小于 ${issue.minimum}`
    }
    case 'too_big': {
      const unit = UNITS[issue.origin]
      if (unit) return `最多 ${issue.maximum} ${unit}`
      return `不能大于 ${issue.maximum}`
    }
    case 'invalid_value':
      return `应为 ${issue.values.map(String).join('、')} 之一`
    case 'unrecognized_keys':
      return `含有不认识的字段：${issue.keys.join('、')}`
    case 'invalid_format':
      return '格式不正确'
    default:
      return undefined
  }
}

const zodChinese = z.locales.zhCN().localeError

/** Makes every zod message of this process Chinese as the forms word it. */
export function configureChineseZodMessages(): void {
  z.config({ localeError: (issue) => issueMessage(issue) ?? zodChinese(issue) })
}
