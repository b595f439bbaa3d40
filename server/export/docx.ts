import { Document, Packer } from 'docx'
import type { DocJSON } from '../../shared/docJson'
import { MARGIN_TWIPS, PAGE, PAGE_NUMBER } from '../../shared/layout/gbt9704'
import { FONT_TABLE_OVERRIDE } from './docx/fontTable'
import { pageNumberFooters } from './docx/footer'
import { documentParagraphs } from './docx/paragraphs'
import { letterheadParagraphs } from './docx/letterhead'
import { signoffRecordParagraphs, type ExportMeta } from './docx/signoffRecord'
import { documentStyles } from './docx/styles'
import { inlineText, titleContent } from '../../shared/sections'

export type { ExportMeta, SignoffEntry } from './docx/signoffRecord'


/**
 * The document as a .docx laid out by GB/T 9704-2012 (every figure in shared/layout/gbt9704.ts).
 * A locked or signed document gets its content hash and sign-off record on a last page; a 版头
 * when the export asks for one.
 */
export async function exportDocx(doc: DocJSON, meta?: ExportMeta): Promise<Buffer> {
  const file = new Document({
    title: inlineText(titleContent(doc)),
    creator: '合稿 Hegao',
    styles: documentStyles,
    // §7.5: odd page numbers right, even left — Word needs different odd/even footers for that.
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.widthTwips, height: PAGE.heightTwips },
            margin: { ...MARGIN_TWIPS, header: 851, footer: PAGE_NUMBER.footerDistanceTwips, gutter: 0 },
          },
        },
        footers: pageNumberFooters(),
        children: [
          ...(meta?.letterhead ? letterheadParagraphs(meta.letterhead) : []),
          ...documentParagraphs(doc, { belowLetterhead: Boolean(meta?.letterhead) }),
          ...signoffRecordParagraphs(meta),
        ],
      },
    ],
  })
  return Packer.toBuffer(file, false, [FONT_TABLE_OVERRIDE])
}
