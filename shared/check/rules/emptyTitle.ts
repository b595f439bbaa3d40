import { inlineText, titleContent } from '../../sections'
import type { CheckRule } from '../types'

/** A document without a title line's text: an error (the 公文 has no 标题, §7.3.1). */
export const emptyTitle: CheckRule = ({ doc }) =>
  inlineText(titleContent(doc)).trim()
    ? []
    : [{ rule: 'empty-title', severity: 'error', sectionPath: [], sectionId: null, message: '文档没有标题：请在第一行填写标题。' }]
