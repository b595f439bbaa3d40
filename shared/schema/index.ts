import { getSchema, type AnyExtension } from '@tiptap/core'
import { Text } from '@tiptap/extension-text'
import { HegaoDocument } from './document'
import { Title } from './title'
import { Paragraph } from './paragraph'
import { SectionHeading } from './sectionHeading'
import { Placeholder } from './placeholder'
import { Table, TableRow, TableCell } from './table'

export { HegaoDocument, Title, Paragraph, SectionHeading, Placeholder, Table, TableRow, TableCell, Text }

/** The one list of schema extensions; the client editor and the server both build from it. */
export const schemaExtensions: AnyExtension[] = [HegaoDocument, Title, Paragraph, SectionHeading, Placeholder, Table, TableRow, TableCell, Text]

export const hegaoSchema = getSchema(schemaExtensions)

/** Name of the Y.XmlFragment holding the body (Tiptap Collaboration's default). */
export const BODY_FRAGMENT = 'default'
