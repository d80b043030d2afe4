/** Reports 举报受理处置: reports, disposals, transfers, orders, templates, SLA, views, batches, the proof-of-work store, the mail outbox. */
import { sql } from 'drizzle-orm';
import { pgTable, pgView, pgEnum, uuid, text, integer, bigint, boolean, jsonb, primaryKey, unique, uniqueIndex, index, check, type ExtraConfigColumn } from 'drizzle-orm/pg-core';
import { REPORT_STATES, REPORT_CHANNELS, DISPOSAL_KINDS, TRANSFER_KINDS, TRANSFER_STATES, ORDER_STATES, ORDER_ANSWERS, RECHECK_RESULTS, REPORT_OUTCOMES, REJECT_REASONS, ORDER_MEASURES, BULK_ACTIONS } from '@tianlang/contracts';
import { OPEN_STATES } from '@tianlang/core';
import { ts, createdAt, updatedAt, sqlLiterals } from './columns';
import { deadlineStatus, jurisdictions, units, users, type LegalBasis } from './base';

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

/** Core's OPEN_STATES as SQL literals, for the partial index predicates and the queries they serve. */
export const OPEN_STATE_SQL = sqlLiterals(OPEN_STATES);
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

/**
 * 移交: a tracked sub-case to a partner department or the office above. Transfers are assignments of kind
 * `report.transfer` (`assignments`, owned by the assignments module); this view is the reports module's
 * read model of them in their original shape (statistics read it; created by migration
 * `report_transfers_view`).
 */
export const reportTransfers = pgView('report_transfers', {
  id: uuid('id').notNull(),
  reportId: uuid('report_id').notNull(),
  disposalId: uuid('disposal_id'),
  kind: transferKind('kind').notNull(),
  fromUnitId: uuid('from_unit_id').notNull(),
  toUnitId: uuid('to_unit_id').notNull(),
  state: transferState('state').notNull(),
  note: text('note').notNull(),
  /** true only when the reporter consented to sharing their contact */
  includeContact: boolean('include_contact').notNull(),
  replyText: text('reply_text'),
  returnReason: text('return_reason'),
  urgeCount: integer('urge_count').notNull(),
  signedBy: uuid('signed_by'),
  signedAt: ts('signed_at'),
  repliedBy: uuid('replied_by'),
  repliedAt: ts('replied_at'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}).existing();

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

/** 回复模板: rows without a jurisdiction are the root's defaults; a jurisdiction's row of the same name overrides one. */
export const replyTemplates = pgTable('reply_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
  outcome: reportOutcome('outcome').notNull(),
  name: text('name').notNull(),
  body: text('body').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [unique('reply_templates_level_name_uq').on(t.jurisdictionId, t.name).nullsNotDistinct()]);

/**
 * Per-category deadlines (working days); absent means REPORT_SLA_DEFAULTS. A row without a
 * jurisdiction is the root's default; a jurisdiction's row overrides it for its subtree.
 */
export const reportSla = pgTable('report_sla', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
  categoryCode: text('category_code').notNull(),
  accept: integer('accept').notNull(),
  dispose: integer('dispose').notNull(),
  reply: integer('reply').notNull(),
  updatedAt: updatedAt(),
}, (t) => [unique('report_sla_level_category_uq').on(t.jurisdictionId, t.categoryCode).nullsNotDistinct()]);

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

/**
 * What each public address (keyed hash) has used of its free allowance, per kind, in a window of an
 * hour from its first use: submissions counted, upload bytes summed. Reserved by one upsert, so
 * concurrent requests from one address each get their own count.
 */
export const publicAllowance = pgTable('public_allowance', {
  sourceHash: text('source_hash').notNull(),
  kind: text('kind', { enum: ['submissions', 'upload_bytes'] }).notNull(),
  windowStart: ts('window_start').notNull(),
  used: bigint('used', { mode: 'number' }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.sourceHash, t.kind] }),
  index('public_allowance_window_idx').on(t.windowStart),
  check('public_allowance_kind_ck', sql`${t.kind} in ('submissions', 'upload_bytes')`),
]);

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
export type ReportDisposalRow = typeof reportDisposals.$inferSelect;
export type ReportTransferRow = typeof reportTransfers.$inferSelect;
export type PlatformOrderRow = typeof platformOrders.$inferSelect;
export type ReplyTemplateRow = typeof replyTemplates.$inferSelect;
