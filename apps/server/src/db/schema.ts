import { sql } from 'drizzle-orm';
import {
  pgTable, pgEnum, uuid, text, integer, boolean, timestamp, date, jsonb, bigserial, bigint,
  primaryKey, uniqueIndex, index, check,
} from 'drizzle-orm/pg-core';
import {
  JURISDICTION_LEVELS, UNIT_KINDS, CALENDAR_DAY_KINDS, DEADLINE_UNITS, DEADLINE_STATES,
  DEADLINE_STATUSES, LOCALES,
} from '@tianlang/contracts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();
const updatedAt = () => ts('updated_at').notNull().defaultNow();

export const jurisdictionLevel = pgEnum('jurisdiction_level', JURISDICTION_LEVELS);
export const unitKind = pgEnum('unit_kind', UNIT_KINDS);
export const calendarDayKind = pgEnum('calendar_day_kind', CALENDAR_DAY_KINDS);
export const deadlineUnit = pgEnum('deadline_unit', DEADLINE_UNITS);
export const deadlineState = pgEnum('deadline_state', DEADLINE_STATES);
export const deadlineStatus = pgEnum('deadline_status', DEADLINE_STATUSES);
export const jobStatus = pgEnum('job_status', ['queued', 'running', 'done', 'failed']);
export const categoryKind = pgEnum('category_kind', ['category', 'zone']);

/** 属地: the tree 市 → 区县 → 镇街 → 社区. `path` is the materialized chain of ids, "/a/b/c/". */
export const jurisdictions = pgTable('jurisdictions', {
  id: uuid('id').primaryKey().defaultRandom(),
  parentId: uuid('parent_id').references((): any => jurisdictions.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  level: jurisdictionLevel('level').notNull(),
  path: text('path').notNull(),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('jurisdictions_code_uq').on(t.code),
  index('jurisdictions_path_idx').on(t.path),
  index('jurisdictions_parent_idx').on(t.parentId),
]);

export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  kind: unitKind('kind').notNull(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  contactPhone: text('contact_phone'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('units_name_uq').on(t.name),
  index('units_jurisdiction_idx').on(t.jurisdictionId),
]);

export const roles = pgTable('roles', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  builtin: boolean('builtin').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('roles_code_uq').on(t.code)]);

export const rolePermissions = pgTable('role_permissions', {
  roleId: uuid('role_id').notNull().references(() => roles.id, { onDelete: 'cascade' }),
  permission: text('permission').notNull(),
}, (t) => [primaryKey({ columns: [t.roleId, t.permission] })]);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  locale: text('locale', { enum: LOCALES }).notNull().default('zh-CN'),
  active: boolean('active').notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  lastLoginAt: ts('last_login_at'),
  passwordChangedAt: ts('password_changed_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('users_username_uq').on(t.username),
  index('users_unit_idx').on(t.unitId),
  check('users_locale_ck', sql`${t.locale} in ('zh-CN', 'en')`),
]);

export const userRoles = pgTable('user_roles', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  roleId: uuid('role_id').notNull().references(() => roles.id),
}, (t) => [primaryKey({ columns: [t.userId, t.roleId] })]);

/** Sessions are stored by the SHA-256 of the cookie token, so a database leak does not leak sessions. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: createdAt(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** Days that deviate from the Monday–Friday week (holidays, 调休 working weekends). */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: calendarDayKind('kind').notNull(),
  name: text('name').notNull(),
  updatedAt: updatedAt(),
});

export interface LegalBasis {
  law: string;
  /** date of the version in force that the article numbers refer to */
  versionDate: string;
  article: string;
  item?: string;
}

/** The report taxonomy (categories and special zones 专区), each with its legal basis entries. */
export const reportCategories = pgTable('report_categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kind: categoryKind('kind').notNull(),
  parentCode: text('parent_code'),
  legalBasis: jsonb('legal_basis').$type<LegalBasis[]>().notNull().default([]),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('report_categories_code_uq').on(t.code)]);

/**
 * The record of truth: append-only (a trigger rejects UPDATE and DELETE), hash-chained per subject.
 * hash = sha256(prev_hash || canonical JSON of the row's content).
 */
export const events = pgTable('events', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  seq: integer('seq').notNull(),
  action: text('action').notNull(),
  actorId: uuid('actor_id'),
  actorRole: text('actor_role'),
  unitId: uuid('unit_id'),
  fromState: text('from_state'),
  toState: text('to_state'),
  reason: text('reason'),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  batchId: uuid('batch_id'),
  createdAt: ts('created_at').notNull(),
  prevHash: text('prev_hash'),
  hash: text('hash').notNull(),
}, (t) => [
  uniqueIndex('events_subject_seq_uq').on(t.subjectType, t.subjectId, t.seq),
  index('events_created_idx').on(t.createdAt),
  index('events_actor_idx').on(t.actorId),
]);

export const jobs = pgTable('jobs', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  kind: text('kind').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  status: jobStatus('status').notNull().default('queued'),
  /** at most one queued/running job per key (e.g. the recurring sweep) */
  dedupeKey: text('dedupe_key'),
  runAt: ts('run_at').notNull().defaultNow(),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(5),
  lockedBy: text('locked_by'),
  lockedAt: ts('locked_at'),
  lastError: text('last_error'),
  progress: jsonb('progress').$type<Record<string, unknown>>(),
  createdAt: createdAt(),
  finishedAt: ts('finished_at'),
}, (t) => [
  index('jobs_claim_idx').on(t.status, t.runAt),
  uniqueIndex('jobs_dedupe_uq').on(t.dedupeKey).where(sql`${t.status} in ('queued', 'running')`),
]);

/** One running clock per (subject, kind); the sweep moves status on_time → at_risk → overdue. */
export const deadlines = pgTable('deadlines', {
  id: uuid('id').primaryKey().defaultRandom(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  kind: text('kind').notNull(),
  unitId: uuid('unit_id').references(() => units.id),
  assigneeId: uuid('assignee_id').references(() => users.id),
  amount: integer('amount').notNull(),
  unit: deadlineUnit('unit').notNull(),
  history: jsonb('history').$type<{ type: string; at: string; amount?: number }[]>().notNull().default([]),
  startedAt: ts('started_at').notNull(),
  dueAt: ts('due_at').notNull(),
  atRiskAt: ts('at_risk_at').notNull(),
  state: deadlineState('state').notNull().default('running'),
  status: deadlineStatus('status').notNull().default('on_time'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('deadlines_subject_kind_uq').on(t.subjectType, t.subjectId, t.kind),
  index('deadlines_sweep_idx').on(t.state, t.atRiskAt),
]);

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  link: text('link'),
  subjectType: text('subject_type'),
  subjectId: text('subject_id'),
  dedupeKey: text('dedupe_key'),
  createdAt: createdAt(),
  readAt: ts('read_at'),
}, (t) => [
  index('notifications_user_idx').on(t.userId, t.readAt),
  uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
]);

export type ReportCategoryRow = typeof reportCategories.$inferSelect;
export type JurisdictionRow = typeof jurisdictions.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type RoleRow = typeof roles.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type JobRow = typeof jobs.$inferSelect;
export type DeadlineRow = typeof deadlines.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;

// ── Patrol 巡查 ────────────────────────────────────────────────────
export const ruleKind = pgEnum('rule_kind', ['term', 'regex', 'domain']);
export const sourceKind = pgEnum('patrol_source_kind', ['api', 'feed', 'import', 'manual']);
export const fetchStatus = pgEnum('fetch_status', ['never', 'ok', 'not_modified', 'error']);
export const itemStatus = pgEnum('patrol_item_status', ['clean', 'pending', 'confirmed', 'dismissed']);
export const hitStatus = pgEnum('patrol_hit_status', ['pending', 'confirmed', 'dismissed']);

/** The office's lexicon (词库). Rules are edited, never deleted; each change makes a new version. */
export const lexiconRules = pgTable('lexicon_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: ruleKind('kind').notNull(),
  pattern: text('pattern').notNull(),
  category: text('category').notNull(),
  severity: integer('severity').notNull().default(3),
  allowContexts: jsonb('allow_contexts').$type<string[]>().notNull().default([]),
  pinyin: boolean('pinyin').notNull().default(false),
  active: boolean('active').notNull().default(true),
  note: text('note'),
  hits: integer('hits').notNull().default(0),
  confirmed: integer('confirmed').notNull().default(0),
  dismissed: integer('dismissed').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('lexicon_rules_kind_pattern_uq').on(t.kind, t.pattern),
  check('lexicon_rules_severity_ck', sql`${t.severity} between 1 and 5`),
]);

export const lexiconVersions = pgTable('lexicon_versions', {
  version: integer('version').primaryKey(),
  actorId: uuid('actor_id').references(() => users.id),
  summary: jsonb('summary').$type<{ added: number; changed: number; deactivated: number; note?: string }>().notNull(),
  ruleCount: integer('rule_count').notNull(),
  createdAt: createdAt(),
});

/** 不规范表述: wrong → right, suggested to government accounts' posts. */
export const termCorrections = pgTable('term_corrections', {
  id: uuid('id').primaryKey().defaultRandom(),
  wrong: text('wrong').notNull(),
  right: text('right').notNull(),
  note: text('note'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('term_corrections_wrong_uq').on(t.wrong)]);

export const patrolSources = pgTable('patrol_sources', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: sourceKind('kind').notNull(),
  name: text('name').notNull(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  /** the registry entity this source belongs to, once the registry module exists */
  entityRef: text('entity_ref'),
  url: text('url'),
  intervalMinutes: integer('interval_minutes').notNull().default(60),
  active: boolean('active').notNull().default(true),
  etag: text('etag'),
  lastModified: text('last_modified'),
  lastFetchAt: ts('last_fetch_at'),
  lastStatus: fetchStatus('last_status').notNull().default('never'),
  lastError: text('last_error'),
  lastItemCount: integer('last_item_count').notNull().default(0),
  failures: integer('failures').notNull().default(0),
  nextFetchAt: ts('next_fetch_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('patrol_sources_due_idx').on(t.kind, t.active, t.nextFetchAt)]);

export const patrolItems = pgTable('patrol_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  sourceId: uuid('source_id').notNull().references(() => patrolSources.id),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  externalId: text('external_id').notNull(),
  url: text('url'),
  author: text('author'),
  publishedAt: ts('published_at'),
  fetchedAt: ts('fetched_at').notNull(),
  title: text('title'),
  text: text('text').notNull(),
  sha256: text('sha256').notNull(),
  lexiconVersion: integer('lexicon_version').notNull(),
  hitCount: integer('hit_count').notNull().default(0),
  status: itemStatus('status').notNull(),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: ts('reviewed_at'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('patrol_items_source_ext_uq').on(t.sourceId, t.externalId),
  index('patrol_items_queue_idx').on(t.status, t.unitId, t.fetchedAt),
]);

export const patrolHits = pgTable('patrol_hits', {
  id: uuid('id').primaryKey().defaultRandom(),
  itemId: uuid('item_id').notNull().references(() => patrolItems.id),
  ruleId: uuid('rule_id').notNull().references(() => lexiconRules.id),
  start: integer('start').notNull(),
  end: integer('end').notNull(),
  matched: text('matched').notNull(),
  category: text('category').notNull(),
  normalizations: jsonb('normalizations').$type<string[]>().notNull().default([]),
  status: hitStatus('status').notNull().default('pending'),
}, (t) => [
  index('patrol_hits_item_idx').on(t.itemId),
  index('patrol_hits_rule_idx').on(t.ruleId, t.status),
]);

/** API keys for systems that push content or reports; stored by hash, shown once. */
export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull(),
  scopes: jsonb('scopes').$type<string[]>().notNull().default([]),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
}, (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash)]);

export type LexiconRuleRow = typeof lexiconRules.$inferSelect;
export type PatrolSourceRow = typeof patrolSources.$inferSelect;
export type PatrolItemRow = typeof patrolItems.$inferSelect;
export type PatrolHitRow = typeof patrolHits.$inferSelect;
export type TermCorrectionRow = typeof termCorrections.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
