/** Foundation tables: jurisdictions, units, users and roles, sessions, the calendar, the taxonomy, the event log, jobs, deadlines, notifications. */
import { sql } from 'drizzle-orm';
import { pgTable, pgEnum, uuid, text, integer, smallint, bigint, boolean, date, jsonb, bigserial, primaryKey, unique, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { JURISDICTION_LEVELS, UNIT_KINDS, CALENDAR_DAY_KINDS, DEADLINE_UNITS, DEADLINE_STATES, DEADLINE_STATUSES, LOCALES } from '@tianlang/contracts';
import { ts, createdAt, updatedAt } from './columns';

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
  lastLoginAt: ts('last_login_at'),
  passwordChangedAt: ts('password_changed_at'),
  /**
   * Set for a password someone else chose (an admin's initial or reset password): the session may only
   * change it. True by default so any new way of creating users is safe; the demo seed clears it.
   */
  mustChangePassword: boolean('must_change_password').notNull().default(true),
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

/**
 * Failed sign-ins per bucket, shared by every server process: one bucket per submitted username
 * (known or not, so the two answer alike) and one per client address, both keyed hashes.
 * A bucket blocks further attempts until `blocked_until`; see auth/login-throttle.ts.
 */
export const loginThrottles = pgTable('login_throttles', {
  kind: text('kind', { enum: ['account', 'address'] }).notNull(),
  keyHash: text('key_hash').notNull(),
  failures: integer('failures').notNull(),
  lastFailureAt: ts('last_failure_at').notNull(),
  blockedUntil: ts('blocked_until').notNull(),
  /** attempts being checked right now (counted before the password is verified); stale after a minute */
  pending: integer('pending').notNull().default(0),
  pendingSince: ts('pending_since'),
}, (t) => [
  primaryKey({ columns: [t.kind, t.keyHash] }),
  index('login_throttles_last_failure_idx').on(t.lastFailureAt),
  check('login_throttles_kind_ck', sql`${t.kind} in ('account', 'address')`),
]);

/**
 * Days that deviate from the Monday–Friday week (holidays, 调休 working weekends). A row without a
 * jurisdiction is the default set at the root; a jurisdiction's row overrides it for its subtree
 * (the nearest level wins per date, see modules/settings).
 */
export const calendarDays = pgTable('calendar_days', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
  date: date('date', { mode: 'string' }).notNull(),
  kind: calendarDayKind('kind').notNull(),
  name: text('name').notNull(),
  updatedAt: updatedAt(),
}, (t) => [unique('calendar_days_level_date_uq').on(t.jurisdictionId, t.date).nullsNotDistinct()]);

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
  /** 1: plain SHA-256 (rows written before keyed hashes, anchored by the first checkpoint); 2: HMAC keyed from SECRET_KEY */
  hashVersion: smallint('hash_version').notNull().default(1),
}, (t) => [
  uniqueIndex('events_subject_seq_uq').on(t.subjectType, t.subjectId, t.seq),
  index('events_created_idx').on(t.createdAt),
  index('events_actor_idx').on(t.actorId),
  check('events_hash_version_ck', sql`${t.hashVersion} in (1, 2)`),
]);

/**
 * Signed checkpoints of the event log: how many events and chains existed up to an event id, and a
 * digest of every chain's head (count and last hash), so removing the end of a chain or a whole
 * chain is detected. Each signature covers the previous one. Append-only like events.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  /** the largest events.id covered; every event up to it had committed when the checkpoint was taken */
  highWater: bigint('high_water', { mode: 'bigint' }).notNull(),
  eventCount: bigint('event_count', { mode: 'number' }).notNull(),
  chainCount: bigint('chain_count', { mode: 'number' }).notNull(),
  headsDigest: text('heads_digest').notNull(),
  prevSignature: text('prev_signature'),
  createdAt: ts('created_at').notNull(),
  signature: text('signature').notNull(),
}, (t) => [
  uniqueIndex('audit_checkpoints_high_water_uq').on(t.highWater),
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
  /** whose working-day calendar counts the clock (null: the default calendar) */
  jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
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
  // One live clock per (subject, kind); a finished one may be followed by a new one (re-accept after a split, a review).
  uniqueIndex('deadlines_subject_kind_uq').on(t.subjectType, t.subjectId, t.kind).where(sql`${t.state} in ('running', 'paused')`),
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
export type AuditCheckpointRow = typeof auditCheckpoints.$inferSelect;
export type JobRow = typeof jobs.$inferSelect;
export type DeadlineRow = typeof deadlines.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type CalendarDayRow = typeof calendarDays.$inferSelect;
