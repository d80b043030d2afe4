import { sql } from 'drizzle-orm';
import {
  pgTable, pgEnum, uuid, text, integer, boolean, timestamp, date, jsonb, bigserial, bigint,
  primaryKey, uniqueIndex, index, check, type ExtraConfigColumn,
} from 'drizzle-orm/pg-core';
import {
  JURISDICTION_LEVELS, UNIT_KINDS, CALENDAR_DAY_KINDS, DEADLINE_UNITS, DEADLINE_STATES,
  DEADLINE_STATUSES, LOCALES, REPORT_STATES, REPORT_CHANNELS, DISPOSAL_KINDS, TRANSFER_KINDS, TRANSFER_STATES,
  ORDER_STATES, ORDER_ANSWERS, RECHECK_RESULTS, REPORT_OUTCOMES, REJECT_REASONS, ORDER_MEASURES, BULK_ACTIONS,
  ENTITY_TYPES, ENTITY_GRADES, ENTITY_STATUSES, RECTIFICATION_STATES, RECTIFICATION_SOURCES, TASK_STATES, IMPORT_STATES,
  type EntityGrade, type FilingKind,
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

// ── Reports 举报受理处置 ───────────────────────────────────────────
export const reportState = pgEnum('report_state', REPORT_STATES);
export const reportChannel = pgEnum('report_channel', REPORT_CHANNELS);
export const disposalKind = pgEnum('disposal_kind', DISPOSAL_KINDS);
export const transferKind = pgEnum('transfer_kind', TRANSFER_KINDS);
export const transferState = pgEnum('transfer_state', TRANSFER_STATES);
export const orderState = pgEnum('order_state', ORDER_STATES);
export const orderAnswer = pgEnum('order_answer', ORDER_ANSWERS);
export const recheckResult = pgEnum('recheck_result', RECHECK_RESULTS);
export const reportOutcome = pgEnum('report_outcome', REPORT_OUTCOMES);
export const rejectReason = pgEnum('reject_reason', REJECT_REASONS);

/** Open states (core's OPEN_STATES), spelled out for partial index predicates. */
const OPEN_STATE_SQL = sql.raw(`('submitted', 'accepted', 'assessing', 'disposing', 'transferred', 'disposed')`);
const QUEUE_KEYS = ['state', 'jurisdictionPath', 'categoryCode', 'zoneCode', 'channel', 'platformName', 'reporterUserId', 'assigneeId', 'deadlineStatus'] as const;
type QueueKey = (typeof QUEUE_KEYS)[number];
/** The queue's sort, exactly as `ORDER BY priority DESC, submitted_at DESC` asks (nulls first) or the index cannot serve it. */
const queueOrder = (t: Record<'priority' | 'submittedAt', ExtraConfigColumn>) => [t.priority.desc().nullsFirst(), t.submittedAt.desc().nullsFirst()] as const;
/** The queue's filter columns as trailing index keys (prefix-matched text columns with text_pattern_ops), less a leading one. */
const queueKeys = (t: Record<QueueKey, ExtraConfigColumn>, leading?: QueueKey): Partial<ExtraConfigColumn>[] => QUEUE_KEYS.filter((k) => k !== leading)
  .map((k) => (k === 'jurisdictionPath' || k === 'categoryCode' ? t[k].op('text_pattern_ops') : t[k]));

/**
 * One row per report. A report merged into another (automatically by URL or text, or by staff)
 * keeps its own row and tracking number and follows its primary's outcome.
 */
export const reports = pgTable('reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  trackingNo: text('tracking_no').notNull(),
  queryCodeHash: text('query_code_hash').notNull(),
  channel: reportChannel('channel').notNull(),
  state: reportState('state').notNull().default('submitted'),
  categoryCode: text('category_code').notNull(),
  zoneCode: text('zone_code'),
  urls: jsonb('urls').$type<string[]>().notNull().default([]),
  /** first canonical URL, the clustering key */
  canonicalUrl: text('canonical_url'),
  canonicalUrls: jsonb('canonical_urls').$type<string[]>().notNull().default([]),
  platformName: text('platform_name'),
  platformUnitId: uuid('platform_unit_id').references(() => units.id),
  accountName: text('account_name'),
  /** the registry entity concerned, once the registry module exists */
  entityRef: text('entity_ref'),
  description: text('description').notNull(),
  severity: integer('severity'),
  /** where the report is handled (the office's jurisdiction); `jurisdiction_path` scopes queries */
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  jurisdictionPath: text('jurisdiction_path').notNull(),
  assigneeId: uuid('assignee_id').references(() => users.id),
  /** higher first: trusted reporters and severe categories rise */
  priority: integer('priority').notNull().default(0),
  reporterUserId: uuid('reporter_user_id').references(() => users.id),
  /** AES-256-GCM of the contact JSON (see lib/secrets) */
  contactEnc: text('contact_enc'),
  contactMasked: text('contact_masked'),
  contactShareable: boolean('contact_shareable').notNull().default(false),
  /** keyed hash of the client address, for flood detection without storing the address */
  sourceHash: text('source_hash'),
  /** keyed hash of the reporter's contact (phone, else email), so one reporter's reports can be found without opening contacts */
  contactKey: text('contact_key'),
  externalId: text('external_id'),
  apiKeyId: uuid('api_key_id'),
  mergedIntoId: uuid('merged_into_id').references((): any => reports.id),
  clusterReason: text('cluster_reason'),
  /** number of reports merged into this one, plus itself */
  clusterSize: integer('cluster_size').notNull().default(1),
  /** MinHash LSH band keys of the description, for near-duplicate lookup */
  lsh: integer('lsh').array(),
  rejectReason: rejectReason('reject_reason'),
  outcome: reportOutcome('outcome'),
  publicReply: text('public_reply'),
  reviewRequestedAt: ts('review_requested_at'),
  reviewReason: text('review_reason'),
  reviewOpen: boolean('review_open').notNull().default(false),
  dueAt: ts('due_at'),
  deadlineStatus: deadlineStatus('deadline_status'),
  submittedAt: ts('submitted_at').notNull(),
  acceptedAt: ts('accepted_at'),
  disposedAt: ts('disposed_at'),
  answeredAt: ts('answered_at'),
  closedAt: ts('closed_at'),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('reports_tracking_uq').on(t.trackingNo),
  // Staff queues (queue.service.ts): each ordered by the queue's sort (priority, then newest) and carrying the
  // filter columns as trailing keys, so filters and the jurisdiction prefix (text_pattern_ops) are checked inside
  // the index: a page reads only matching rows and the capped count is an index-only scan. Partial where they can
  // be, so the public intake (a 'submitted' row without assignee) writes as few of them as possible.
  index('reports_order_idx').on(...queueOrder(t), ...queueKeys(t)),
  index('reports_open_queue_idx').on(...queueOrder(t), ...queueKeys(t)).where(sql`${t.state} in ${OPEN_STATE_SQL}`),
  index('reports_overdue_idx').on(...queueOrder(t), ...queueKeys(t, 'deadlineStatus')).where(sql`${t.deadlineStatus} = 'overdue'`),
  index('reports_mine_idx').on(t.assigneeId, ...queueOrder(t), ...queueKeys(t, 'assigneeId'))
    .where(sql`${t.assigneeId} is not null and ${t.state} not in ('closed', 'merged', 'rejected')`),
  index('reports_zone_idx').on(t.zoneCode, ...queueOrder(t), ...queueKeys(t, 'zoneCode')).where(sql`${t.zoneCode} is not null`),
  // web and mobile are most reports: the order index serves them; the rarer channels get their own order
  index('reports_channel_idx').on(t.channel, ...queueOrder(t), ...queueKeys(t, 'channel')).where(sql`${t.channel} not in ('web', 'mobile')`),
  index('reports_queue_idx').on(t.state, ...queueOrder(t), t.jurisdictionPath.op('text_pattern_ops'))
    .where(sql`${t.state} not in ${OPEN_STATE_SQL}`),
  index('reports_path_idx').on(t.jurisdictionPath.op('text_pattern_ops'), t.state, t.submittedAt.desc()),
  index('reports_category_idx').on(t.categoryCode.op('text_pattern_ops'), t.jurisdictionPath.op('text_pattern_ops')),
  index('reports_assignee_idx').on(t.assigneeId, t.state).where(sql`${t.assigneeId} is not null`),
  // one reporter's other reports: by contact and by network address (by account: reports_reporter_idx)
  index('reports_contact_key_idx').on(t.contactKey, t.submittedAt).where(sql`${t.contactKey} is not null`),
  index('reports_source_idx').on(t.sourceHash, t.submittedAt).where(sql`${t.sourceHash} is not null`),
  index('reports_platform_idx').on(t.platformName, t.accountName, t.jurisdictionPath.op('text_pattern_ops')).where(sql`${t.platformName} is not null`),
  index('reports_url_idx').on(t.canonicalUrl).where(sql`${t.canonicalUrl} is not null`),
  index('reports_merged_idx').on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
  // the registry entity page and the queue's entity-grade filter
  index('reports_entity_idx').on(t.entityRef).where(sql`${t.entityRef} is not null`),
  index('reports_reporter_idx').on(t.reporterUserId, t.jurisdictionPath.op('text_pattern_ops')).where(sql`${t.reporterUserId} is not null`),
  // fastupdate off: with a pending list every clustering lookup of the intake scans all of it (up to 4 MB)
  index('reports_lsh_idx').using('gin', t.lsh).with({ fastupdate: false }).where(sql`${t.state} in ${OPEN_STATE_SQL}`),
  uniqueIndex('reports_external_uq').on(t.apiKeyId, t.externalId).where(sql`${t.apiKeyId} is not null`),
  // a patrol finding handled as a report (external id "patrol:<item id>"), at most once
  uniqueIndex('reports_patrol_item_uq').on(t.externalId).where(sql`${t.apiKeyId} is null and ${t.externalId} is not null`),
  check('reports_severity_ck', sql`${t.severity} is null or ${t.severity} between 1 and 5`),
]);

/** Evidence files, content-addressed on disk; uploaded before the report and attached by token. */
export const reportEvidence = pgTable('report_evidence', {
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
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('report_evidence_token_uq').on(t.uploadTokenHash),
  index('report_evidence_report_idx').on(t.reportId),
  check('report_evidence_kind_ck', sql`${t.kind} in ('image', 'pdf', 'video')`),
]);

export const reportDisposals = pgTable('report_disposals', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => reports.id),
  kind: disposalKind('kind').notNull(),
  measure: text('measure'),
  legalBasis: jsonb('legal_basis').$type<LegalBasis[]>().notNull().default([]),
  reasons: text('reasons').notNull(),
  entityRef: text('entity_ref'),
  targetName: text('target_name'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('report_disposals_report_idx').on(t.reportId)]);

/** 移交: a tracked sub-case to a partner department. */
export const reportTransfers = pgTable('report_transfers', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => reports.id),
  disposalId: uuid('disposal_id').references(() => reportDisposals.id),
  kind: transferKind('kind').notNull(),
  fromUnitId: uuid('from_unit_id').notNull().references(() => units.id),
  toUnitId: uuid('to_unit_id').notNull().references(() => units.id),
  state: transferState('state').notNull().default('sent'),
  note: text('note').notNull(),
  /** true only when the reporter consented to sharing their contact */
  includeContact: boolean('include_contact').notNull().default(false),
  replyText: text('reply_text'),
  returnReason: text('return_reason'),
  urgeCount: integer('urge_count').notNull().default(0),
  signedBy: uuid('signed_by').references(() => users.id),
  signedAt: ts('signed_at'),
  repliedBy: uuid('replied_by').references(() => users.id),
  repliedAt: ts('replied_at'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('report_transfers_report_idx').on(t.reportId),
  index('report_transfers_to_idx').on(t.toUnitId, t.state),
]);

/** 责令/通知处置: an order to a platform, waiting for its answer. */
export const platformOrders = pgTable('platform_orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  orderNo: text('order_no').notNull(),
  reportId: uuid('report_id').notNull().references(() => reports.id),
  disposalId: uuid('disposal_id').references(() => reportDisposals.id),
  platformUnitId: uuid('platform_unit_id').notNull().references(() => units.id),
  issuedByUnitId: uuid('issued_by_unit_id').notNull().references(() => units.id),
  measure: text('measure', { enum: ORDER_MEASURES }).notNull(),
  urls: jsonb('urls').$type<string[]>().notNull().default([]),
  requirement: text('requirement').notNull(),
  legalBasis: jsonb('legal_basis').$type<LegalBasis[]>().notNull().default([]),
  state: orderState('state').notNull().default('issued'),
  answer: orderAnswer('answer'),
  answerNote: text('answer_note'),
  answeredBy: uuid('answered_by').references(() => users.id),
  answeredAt: ts('answered_at'),
  answeredLate: boolean('answered_late'),
  recheck: recheckResult('recheck'),
  recheckNote: text('recheck_note'),
  recheckedBy: uuid('rechecked_by').references(() => users.id),
  recheckedAt: ts('rechecked_at'),
  escalated: boolean('escalated').notNull().default(false),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('platform_orders_no_uq').on(t.orderNo),
  index('platform_orders_report_idx').on(t.reportId),
  index('platform_orders_platform_idx').on(t.platformUnitId, t.state),
]);

export const replyTemplates = pgTable('reply_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  outcome: reportOutcome('outcome').notNull(),
  name: text('name').notNull(),
  body: text('body').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('reply_templates_name_uq').on(t.name)]);

/** Per-category deadline overrides (working days); absent means REPORT_SLA_DEFAULTS. */
export const reportSla = pgTable('report_sla', {
  categoryCode: text('category_code').primaryKey(),
  accept: integer('accept').notNull(),
  dispose: integer('dispose').notNull(),
  reply: integer('reply').notNull(),
  updatedAt: updatedAt(),
});

export const savedViews = pgTable('saved_views', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('saved_views_user_name_uq').on(t.userId, t.name)]);

/** A bulk action: what was asked, by whom; its items are the events carrying its batch_id. */
export const reportBatches = pgTable('report_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  action: text('action', { enum: BULK_ACTIONS }).notNull(),
  actorId: uuid('actor_id').notNull().references(() => users.id),
  params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
  applied: integer('applied').notNull(),
  skipped: integer('skipped').notNull(),
  createdAt: createdAt(),
});

/**
 * Spent proof-of-work challenges, shared by every server process so a solution is accepted once;
 * kept until the challenge expires (keyed by a hash of the challenge).
 */
export const powSpent = pgTable('pow_spent', {
  challengeHash: text('challenge_hash').primaryKey(),
  expiresAt: ts('expires_at').notNull(),
}, (t) => [index('pow_spent_expires_idx').on(t.expiresAt)]);

/** Outgoing mail, sent by a job through SMTP so a slow mail server never holds a transaction. */
export const mailOutbox = pgTable('mail_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  toEnc: text('to_enc').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  subjectType: text('subject_type'),
  subjectId: text('subject_id'),
  status: text('status', { enum: ['queued', 'sent', 'failed'] }).notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  /** not tried again before this (backoff after a refusal or an unreachable server); null: now */
  nextAttemptAt: ts('next_attempt_at'),
  createdAt: createdAt(),
  sentAt: ts('sent_at'),
}, (t) => [index('mail_outbox_status_idx').on(t.status, t.createdAt)]);

export type ReportRow = typeof reports.$inferSelect;
export type ReportEvidenceRow = typeof reportEvidence.$inferSelect;
export type ReportDisposalRow = typeof reportDisposals.$inferSelect;
export type ReportTransferRow = typeof reportTransfers.$inferSelect;
export type PlatformOrderRow = typeof platformOrders.$inferSelect;
export type ReplyTemplateRow = typeof replyTemplates.$inferSelect;

// ── Registry 属地台账 ──────────────────────────────────────────────
export const entityType = pgEnum('entity_type', ENTITY_TYPES);
export const entityGrade = pgEnum('entity_grade', ENTITY_GRADES);
export const entityStatus = pgEnum('entity_status', ENTITY_STATUSES);
export const rectificationState = pgEnum('rectification_state', RECTIFICATION_STATES);
export const rectificationSource = pgEnum('rectification_source', RECTIFICATION_SOURCES);
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

/** 自律承诺书. Files live in the evidence store (report_evidence rows attached to `registry_pledge:<id>`). */
export const registryPledges = pgTable('registry_pledges', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id').notNull().references(() => registryEntities.id),
  signedOn: date('signed_on', { mode: 'string' }).notNull(),
  signer: text('signer'),
  note: text('note'),
  fileId: uuid('file_id').references(() => reportEvidence.id),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('registry_pledges_entity_idx').on(t.entityId)]);

/** 实地检查: at least two officers; its rectification items are registry_rectifications. */
export const registryInspections = pgTable('registry_inspections', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id').notNull().references(() => registryEntities.id),
  inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
  officerIds: jsonb('officer_ids').$type<string[]>().notNull(),
  findings: text('findings').notNull(),
  taskId: uuid('task_id'),
  fileId: uuid('file_id').references(() => reportEvidence.id),
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
  recordFileId: uuid('record_file_id').references(() => reportEvidence.id),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('registry_interviews_entity_idx').on(t.entityId)]);

/** 整改事项 with its clock on the deadline engine (subject registry_rectification). */
export const registryRectifications = pgTable('registry_rectifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityId: uuid('entity_id').notNull().references(() => registryEntities.id),
  source: rectificationSource('source').notNull(),
  sourceId: uuid('source_id').notNull(),
  description: text('description').notNull(),
  state: rectificationState('state').notNull().default('open'),
  dueAt: ts('due_at'),
  deadlineStatus: deadlineStatus('deadline_status'),
  followUp: text('follow_up'),
  followedUpBy: uuid('followed_up_by').references(() => users.id),
  followedUpAt: ts('followed_up_at'),
  createdAt: createdAt(),
}, (t) => [
  index('registry_rectifications_entity_idx').on(t.entityId, t.state),
  index('registry_rectifications_source_idx').on(t.sourceId),
]);

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
export type RegistryRectificationRow = typeof registryRectifications.$inferSelect;
export type RegistryDrawRow = typeof registryDraws.$inferSelect;
export type RegistryTaskRow = typeof registryTasks.$inferSelect;
export type RegistryImportRow = typeof registryImports.$inferSelect;
// ── Statistics 统计与报告 ──────────────────────────────────────────
/**
 * One row per report with the first time of each stage, read from its events (see
 * modules/stats/facts.sql.ts). The rollup's contributions are a pure function of this row, so a
 * change is applied to the rollup as (new contributions − old contributions).
 */
export const statsReportFacts = pgTable('stats_report_facts', {
  reportId: uuid('report_id').primaryKey().references(() => reports.id),
  jurisdictionId: uuid('jurisdiction_id').notNull(),
  jurisdictionPath: text('jurisdiction_path').notNull(),
  jurisdictionLevel: text('jurisdiction_level').notNull(),
  categoryCode: text('category_code').notNull(),
  zoneCode: text('zone_code'),
  channel: text('channel').notNull(),
  platformName: text('platform_name'),
  reporterUserId: uuid('reporter_user_id'),
  outcome: text('outcome'),
  /**
   * current grade of the registry entity the report concerns (reports.entity_ref), 'none' when it has
   * none; null only on rows computed before this column existed (they contribute no grade figures)
   */
  entityGrade: text('entity_grade'),
  submittedAt: ts('submitted_at').notNull(),
  acceptedAt: ts('accepted_at'),
  rejectedAt: ts('rejected_at'),
  mergedAt: ts('merged_at'),
  transferredAt: ts('transferred_at'),
  disposedAt: ts('disposed_at'),
  answeredAt: ts('answered_at'),
  closedAt: ts('closed_at'),
  /** the stage clock's status when it was met (on_time, at_risk, overdue); null when it never was */
  acceptStatus: text('accept_status'),
  disposeStatus: text('dispose_status'),
  replyStatus: text('reply_status'),
  /** [{u: to unit, s: sent, r: replied, x: returned, late}] */
  transfers: jsonb('transfers').$type<{ u: string; s: string; r: string | null; x: string | null; late: boolean | null }[]>().notNull().default([]),
  /** [{p: platform unit, s: issued, a: answered, ans: answer, late}] */
  orders: jsonb('orders').$type<{ p: string; s: string; a: string | null; ans: string | null; late: boolean | null }[]>().notNull().default([]),
  /** [{k: disposal kind, s: created}] */
  disposals: jsonb('disposals').$type<{ k: string; s: string }[]>().notNull().default([]),
}, (t) => [
  index('stats_facts_submitted_idx').on(t.jurisdictionPath.op('text_pattern_ops'), t.submittedAt),
]);

/**
 * Counts per (jurisdiction, grain, period, dimension, key, measure). Every row of a report is added
 * to its jurisdiction and each ancestor, by day ('d') and by month ('m'): the dashboard for any
 * jurisdiction and a year reads at most a few thousand rows of one jurisdiction.
 */
export const statsRollup = pgTable('stats_rollup', {
  jurisdictionId: uuid('jurisdiction_id').notNull(),
  grain: text('grain', { enum: ['d', 'm'] }).notNull(),
  period: date('period', { mode: 'string' }).notNull(),
  dim: text('dim').notNull(),
  key: text('key').notNull(),
  measure: text('measure').notNull(),
  n: bigint('n', { mode: 'number' }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.grain, t.period, t.dim, t.key, t.measure] }),
  check('stats_rollup_grain_ck', sql`${t.grain} in ('d', 'm')`),
]);

/** Reports whose events changed since the rollup last read them (filled by a trigger on events). */
export const statsDirty = pgTable('stats_dirty', {
  reportId: uuid('report_id').primaryKey(),
});

/** The rollup's bookkeeping: when it was rebuilt and when it last caught up. */
export const statsState = pgTable('stats_state', {
  id: text('id').primaryKey(),
  rebuiltAt: ts('rebuilt_at'),
  refreshedAt: ts('refreshed_at'),
});

/** A figure as quoted in a work report: the query that produced it and the value it had. */
export const statsSavedQueries = pgTable('stats_saved_queries', {
  id: uuid('id').primaryKey().defaultRandom(),
  figure: text('figure').notNull(),
  params: jsonb('params').$type<Record<string, unknown>>().notNull(),
  value: bigint('value', { mode: 'number' }).notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: createdAt(),
});

/** A published month of the transparency page, frozen at a leader's approval; corrections add versions. */
export const statsTransparencyMonths = pgTable('stats_transparency_months', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => jurisdictions.id),
  month: date('month', { mode: 'string' }).notNull(),
  version: integer('version').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  correction: text('correction'),
  approvedBy: uuid('approved_by').notNull().references(() => users.id),
  approvedAt: ts('approved_at').notNull(),
}, (t) => [uniqueIndex('stats_transparency_month_uq').on(t.jurisdictionId, t.month, t.version)]);

export type StatsReportFactsRow = typeof statsReportFacts.$inferSelect;
export type StatsTransparencyMonthRow = typeof statsTransparencyMonths.$inferSelect;
