/** Patrol 巡查: lexicon, sources, items and hits; API keys. */
import { sql } from 'drizzle-orm';
import { pgTable, pgEnum, uuid, text, integer, boolean, jsonb, primaryKey, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { ts, createdAt, updatedAt } from './columns';
import { units, users } from './base';

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
