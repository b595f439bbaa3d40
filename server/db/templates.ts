import type { Db } from './database'
import { newId } from '../../shared/ids'

export interface StoredTemplate { id: string; name: string; description: string; text: string }

/** The templates without their text (which may be long): for listing. */
export function listStoredTemplates(db: Db): Omit<StoredTemplate, 'text'>[] {
  return db.prepare('SELECT id, name, description FROM templates ORDER BY created_at, id').all() as Omit<StoredTemplate, 'text'>[]
}

export function storedTemplateNameTaken(db: Db, name: string): boolean {
  return db.prepare('SELECT 1 FROM templates WHERE name = ?').get(name) !== undefined
}

export function getStoredTemplate(db: Db, id: string): StoredTemplate | undefined {
  return db.prepare('SELECT id, name, description, text FROM templates WHERE id = ?').get(id) as StoredTemplate | undefined
}

export function createStoredTemplate(db: Db, input: { name: string; description: string; text: string; createdBy: string }): StoredTemplate {
  const id = newId()
  db.prepare('INSERT INTO templates (id, name, description, text, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id, input.name, input.description, input.text, input.createdBy, new Date().toISOString(),
  )
  return { id, name: input.name, description: input.description, text: input.text }
}

/** Deletes the template; false if there was none with `id`. */
export function deleteStoredTemplate(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes > 0
}
