/** Statistics 统计与报告: per-report facts, the rollup and its bookkeeping, saved queries, transparency months. */
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, date, jsonb, bigint, primaryKey, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { ts, createdAt } from './columns';
import { jurisdictionLevel, jurisdictions, users } from './base';
import { reports } from './reports';
import { entityGrade } from './registry';

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
