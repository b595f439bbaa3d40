import type { CheckRule } from '../types'
import { numberingGap } from './numberingGap'
import { enumerationOrder } from './enumerationOrder'
import { duplicateWord } from './duplicateWord'
import { emptySection } from './emptySection'
import { emptyHeading } from './emptyHeading'
import { templateHint } from './templateHint'
import { duplicatePunctuation } from './duplicatePunctuation'
import { attachmentPunctuation } from './attachmentPunctuation'
import { dateFormat } from './dateFormat'
import { halfWidthPunctuation } from './halfWidthPunctuation'
import { emptyTitle } from './emptyTitle'
import { strayStars } from './strayStars'
import { invalidValue } from './invalidValue'
import { impossibleDate } from './impossibleDate'
import { levelSkip } from './levelSkip'

export { emptyTitle, strayStars, invalidValue, impossibleDate, levelSkip, numberingGap, enumerationOrder, duplicateWord, duplicatePunctuation, halfWidthPunctuation, attachmentPunctuation, dateFormat, emptySection, emptyHeading, templateHint }

/** Every rule the pre-submission check runs, in the order its problems are listed. */
export const checkRules: CheckRule[] = [emptyTitle, emptyHeading, levelSkip, strayStars, invalidValue, impossibleDate, emptySection, templateHint, numberingGap, enumerationOrder, duplicateWord, duplicatePunctuation, halfWidthPunctuation, attachmentPunctuation, dateFormat]
