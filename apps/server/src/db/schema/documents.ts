/** Documents 文书: files rendered from versioned templates (the work report today; 文书 and briefings next). */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, jsonb, index, check } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { jurisdictions, users } from './base';

/**
 * One rendered document: which template and version made it from which data, what it is about, and
 * the stored file (content-addressed in the file store by `sha256`, checked on every read). The
 * `document.rendered` event on the document's own chain carries the same hash.
 */
export const documents = pgTable('documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  templateCode: text('template_code').notNull(),
  templateVersion: integer('template_version').notNull(),
  /** the data the template was filled from, as validated by that version's schema */
  data: jsonb('data').$type<unknown>().notNull(),
  /** what the document is about: a jurisdiction (the work report), a case, an event … */
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  /** the jurisdiction's path, for scoping lists */
  jurisdictionPath: text('jurisdiction_path').notNull(),
  filename: text('filename').notNull(),
  mime: text('mime').notNull(),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
}, (t) => [
  index('documents_subject_idx').on(t.subjectType, t.subjectId, t.createdAt),
  index('documents_scope_idx').on(t.jurisdictionPath.op('text_pattern_ops'), t.createdAt),
  check('documents_version_ck', sql`${t.templateVersion} > 0`),
  check('documents_sha256_ck', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
]);
export type DocumentRow = typeof documents.$inferSelect;
