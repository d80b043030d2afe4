/** Files 文件: the upload rows behind the file store (modules/files). */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { reports } from './reports';

/** Uploaded files (report evidence, registry attachments), content-addressed in the file store; uploaded first, attached by token. */
export const fileUploads = pgTable('file_uploads', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').references(() => reports.id),
  uploadTokenHash: text('upload_token_hash').notNull(),
  mime: text('mime').notNull(),
  kind: text('kind', { enum: ['image', 'pdf', 'video'] }).notNull(),
  size: integer('size').notNull(),
  /** hash of the stored file (after metadata stripping) */
  sha256: text('sha256').notNull(),
  /** hash of the file as uploaded */
  originalSha256: text('original_sha256').notNull(),
  filename: text('filename'),
  /** owner other than a report, e.g. "registry_pledge:<id>" (such files are never cleaned up as orphans) */
  attachedTo: text('attached_to'),
  /** keyed hash of the sender's address for public uploads (staff uploads: null); unclaimed public bytes are capped */
  sourceHash: text('source_hash'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('file_uploads_token_uq').on(t.uploadTokenHash),
  index('file_uploads_report_idx').on(t.reportId),
  index('file_uploads_unclaimed_public_idx').on(t.createdAt).where(sql`${t.reportId} is null and ${t.attachedTo} is null and ${t.sourceHash} is not null`),
  check('file_uploads_kind_ck', sql`${t.kind} in ('image', 'pdf', 'video')`),
]);

export type FileUploadRow = typeof fileUploads.$inferSelect;
