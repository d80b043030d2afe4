/** Registry 属地台账: entities, pledges, inspections, interviews, draws, tasks, imports (rectification items: schema/rectifications). */
import { sql } from 'drizzle-orm';
import { pgTable, pgEnum, uuid, text, date, jsonb, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { ENTITY_TYPES, ENTITY_GRADES, ENTITY_STATUSES, TASK_STATES, IMPORT_STATES, type EntityGrade, type FilingKind } from '@tianlang/contracts';
import { ts, createdAt, updatedAt } from './columns';
import { deadlineStatus, jurisdictions, users } from './base';
import { fileUploads } from './files';

// ── Registry 属地台账 ──────────────────────────────────────────────
export const entityType = pgEnum('entity_type', ENTITY_TYPES);
export const entityGrade = pgEnum('entity_grade', ENTITY_GRADES);
export const entityStatus = pgEnum('entity_status', ENTITY_STATUSES);
export const registryTaskState = pgEnum('registry_task_state', TASK_STATES);
export const registryImportState = pgEnum('registry_import_state', IMPORT_STATES);

export interface GradeHistoryEntry { grade: EntityGrade; from: EntityGrade | null; reason: string | null; actorId: string | null; at: string }
export interface FilingEntry { kind: FilingKind; number: string; filedOn?: string; note?: string }

/**
 * A supervised platform or account. Identifiers are stored normalized (core checkIdentifiers); each
 * is unique where present, so an ICP number, an account on its platform or a canonical URL is
 * registered once. `search_text` is the normalized (simplified, lower-case) text that search matches.
 */
export const registryEntities = pgTable('registry_entities', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  nameNorm: text('name_norm').notNull(),
  type: entityType('type').notNull(),
  url: text('url'),
  canonicalUrl: text('canonical_url'),
  icpNo: text('icp_no'),
  appId: text('app_id'),
  accountId: text('account_id'),
  platformName: text('platform_name'),
  operatorName: text('operator_name'),
  /** AES-256-GCM of the operator contact JSON (lib/secrets), like reporter contacts */
  contactEnc: text('contact_enc'),
  contactMasked: text('contact_masked'),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  jurisdictionPath: text('jurisdiction_path').notNull(),
  grade: entityGrade('grade').notNull().default('general'),
  gradeReason: text('grade_reason'),
  gradeHistory: jsonb('grade_history').$type<GradeHistoryEntry[]>().notNull().default([]),
  tags: jsonb('tags').$type<string[]>().notNull().default([]),
  officerId: uuid('officer_id').references(() => users.id),
  filings: jsonb('filings').$type<FilingEntry[]>().notNull().default([]),
  status: entityStatus('status').notNull().default('active'),
  location: text('location'),
  note: text('note'),
  searchText: text('search_text').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('registry_entities_icp_uq').on(t.icpNo).where(sql`${t.icpNo} is not null`),
  uniqueIndex('registry_entities_account_uq').on(t.type, t.accountId).where(sql`${t.accountId} is not null`),
  uniqueIndex('registry_entities_app_uq').on(t.appId).where(sql`${t.appId} is not null`),
  uniqueIndex('registry_entities_url_uq').on(t.canonicalUrl).where(sql`${t.canonicalUrl} is not null`),
  index('registry_entities_path_idx').on(t.jurisdictionPath.op('text_pattern_ops'), t.updatedAt.desc()),
  index('registry_entities_grade_idx').on(t.grade, t.jurisdictionPath.op('text_pattern_ops')),
  index('registry_entities_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  index('registry_entities_name_idx').using('gin', t.nameNorm.op('gin_trgm_ops')),
]);

/** 自律承诺书. Files live in the file store (file_uploads rows attached to `registry_pledge:<id>`). */
export const registryPledges = pgTable('registry_pledges', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id').notNull().references(() => registryEntities.id),
  signedOn: date('signed_on', { mode: 'string' }).notNull(),
  signer: text('signer'),
  note: text('note'),
  fileId: uuid('file_id').references(() => fileUploads.id),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('registry_pledges_entity_idx').on(t.entityId)]);

/** 实地检查: at least two officers; its rectification items are rows of `rectifications` (source registry_inspection). */
export const registryInspections = pgTable('registry_inspections', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id').notNull().references(() => registryEntities.id),
  inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
  officerIds: jsonb('officer_ids').$type<string[]>().notNull(),
  findings: text('findings').notNull(),
  taskId: uuid('task_id'),
  fileId: uuid('file_id').references(() => fileUploads.id),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('registry_inspections_entity_idx').on(t.entityId)]);

/** 约谈. */
export const registryInterviews = pgTable('registry_interviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id').notNull().references(() => registryEntities.id),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  grounds: text('grounds').notNull(),
  persons: jsonb('persons').$type<{ name: string; position?: string }[]>().notNull(),
  officerIds: jsonb('officer_ids').$type<string[]>().notNull(),
  recordFileId: uuid('record_file_id').references(() => fileUploads.id),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('registry_interviews_entity_idx').on(t.entityId)]);

/** 双随机 draws: seed, algorithm and the pools as they were, so anyone can rerun them. */
export const registryDraws = pgTable('registry_draws', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  seed: text('seed').notNull(),
  algorithm: text('algorithm').notNull(),
  filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
  jurisdictionPath: text('jurisdiction_path').notNull(),
  entityPool: jsonb('entity_pool').$type<string[]>().notNull(),
  officerPool: jsonb('officer_pool').$type<string[]>().notNull(),
  poolDigest: text('pool_digest').notNull(),
  entityIds: jsonb('entity_ids').$type<string[]>().notNull(),
  officerIds: jsonb('officer_ids').$type<string[]>().notNull(),
  params: jsonb('params').$type<{ entityCount: number; officerCount: number; perTask: number; days: number; unit: string }>().notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('registry_draws_path_idx').on(t.jurisdictionPath.op('text_pattern_ops'), t.createdAt.desc())]);

/** An inspection task (from a draw), with its clock (subject registry_task). */
export const registryTasks = pgTable('registry_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  drawId: uuid('draw_id').references(() => registryDraws.id),
  entityId: uuid('entity_id').notNull().references(() => registryEntities.id),
  officerIds: jsonb('officer_ids').$type<string[]>().notNull(),
  state: registryTaskState('state').notNull().default('open'),
  dueAt: ts('due_at'),
  deadlineStatus: deadlineStatus('deadline_status'),
  inspectionId: uuid('inspection_id'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('registry_tasks_entity_idx').on(t.entityId, t.state),
  index('registry_tasks_draw_idx').on(t.drawId),
]);

/** An xlsx import: checked rows kept between preview and commit. */
export const registryImports = pgTable('registry_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  actorId: uuid('actor_id').notNull().references(() => users.id),
  jurisdictionPath: text('jurisdiction_path').notNull(),
  filename: text('filename'),
  sha256: text('sha256').notNull(),
  state: registryImportState('state').notNull().default('parsing'),
  totals: jsonb('totals').$type<Record<string, number>>().notNull().default({}),
  fileProblems: jsonb('file_problems').$type<unknown[]>().notNull().default([]),
  rowProblems: jsonb('row_problems').$type<unknown[]>().notNull().default([]),
  sample: jsonb('sample').$type<unknown[]>().notNull().default([]),
  /** the planned rows (create / update), applied by the commit */
  plan: jsonb('plan').$type<unknown[]>(),
  result: jsonb('result').$type<Record<string, number>>(),
  createdAt: createdAt(),
  committedAt: ts('committed_at'),
}, (t) => [index('registry_imports_actor_idx').on(t.actorId, t.createdAt.desc())]);

export type RegistryEntityRow = typeof registryEntities.$inferSelect;
export type RegistryPledgeRow = typeof registryPledges.$inferSelect;
export type RegistryInspectionRow = typeof registryInspections.$inferSelect;
export type RegistryInterviewRow = typeof registryInterviews.$inferSelect;
export type RegistryDrawRow = typeof registryDraws.$inferSelect;
export type RegistryTaskRow = typeof registryTasks.$inferSelect;
export type RegistryImportRow = typeof registryImports.$inferSelect;
