/**
 * The version of the document schema (shared/schema/): 2 added tables. An editor built for an
 * older schema drops what it cannot show, for everyone (y-tiptap deletes a node it cannot build
 * from the shared document), so the server refuses it (EditorOutdated) and its page asks for a
 * reload. Raise it with every node type or attribute added. The editor sends it as `schema`.
 */
export const SCHEMA_VERSION = 2
