import { z } from 'zod';
import { DateOnlySchema, PageQuerySchema, lineField, text, textField } from './common';
import { REPORT_CHANNELS, REPORT_STATES } from './report-enums';
import { REPORT_FIGURES, STATS_DIMS, STATS_PERIOD_KINDS, STATS_STAGES, WORK_REPORT_FIGURES, type ReportFigure, type StatsDim } from './stats-enums';

export * from './stats-enums';

/**
 * Statistics 统计与报告. Every figure is a count of recorded events in a period (office-local days,
 * Asia/Shanghai) and a jurisdiction subtree; see apps/server/src/modules/stats/README.md.
 */
const periodFields = {
  period: z.enum(STATS_PERIOD_KINDS).default('month'),
  /** any date inside the wanted month/quarter/half/year; for custom, the first date */
  from: DateOnlySchema.optional(),
  /** custom periods only: the last date (included) */
  to: DateOnlySchema.optional(),
  jurisdictionId: z.uuid().optional(),
};
export const StatsQuerySchema = z.strictObject(periodFields);
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

export const StatsExportQuerySchema = z.strictObject({
  ...periodFields,
  /** one table of the dashboard; all tables (one sheet each) when absent */
  table: z.enum(['overview', 'trend', 'jurisdictions', ...STATS_DIMS, 'transfers', 'orders', 'reporters', 'patrol']).optional(),
});

export const StatsItemsQuerySchema = PageQuerySchema.extend({
  ...periodFields,
  figure: z.enum(REPORT_FIGURES),
  /** a breakdown, a trusted reporter, or a row of the transfers (by unit) or orders (by platform) table */
  dim: z.enum([...STATS_DIMS, 'reporter', 'transfer_unit', 'order_platform']).optional(),
  key: lineField(100).min(1).optional(),
});
export type StatsItemsQuery = z.infer<typeof StatsItemsQuerySchema>;

const PeriodViewSchema = z.object({ kind: z.enum(STATS_PERIOD_KINDS), from: z.string(), to: z.string() });
const count = z.number().int();
const figureValues = z.object({ value: count, previous: count, lastYear: count });
const figuresOf = z.object(Object.fromEntries(REPORT_FIGURES.map((f) => [f, figureValues])) as Record<ReportFigure, typeof figureValues>);
const BreakdownRowSchema = z.object({
  key: z.string(), label: z.string(), received: count, accepted: count, disposed: count, closed: count,
});
const ratio = z.number().nullable();

export const DashboardSchema = z.object({
  period: PeriodViewSchema,
  previous: PeriodViewSchema,
  lastYear: PeriodViewSchema,
  jurisdiction: z.object({ id: z.uuid(), name: z.string(), level: z.string() }),
  /** from the user's own jurisdiction down to this one, for the breadcrumb */
  trail: z.array(z.object({ id: z.uuid(), name: z.string() })),
  figures: figuresOf,
  onTime: z.array(z.object({ stage: z.enum(STATS_STAGES), timed: count, onTime: count, rate: ratio })),
  /** minutes, the upper edge of the histogram bucket (see core/stats/histogram) */
  durations: z.array(z.object({ stage: z.enum(STATS_STAGES), count, median: ratio, p90: ratio })),
  breakdowns: z.object(Object.fromEntries(STATS_DIMS.map((d) => [d, z.array(BreakdownRowSchema)])) as Record<StatsDim, z.ZodArray<typeof BreakdownRowSchema>>),
  jurisdictions: z.array(BreakdownRowSchema.extend({ hasChildren: z.boolean() })),
  trend: z.object({ grain: z.enum(['day', 'month']), points: z.array(z.object({ key: z.string(), received: count, accepted: count, disposed: count, closed: count })) }),
  transfers: z.array(z.object({ unitId: z.string(), unitName: z.string(), sent: count, replied: count, returned: count, onTime: count, replyRate: ratio })),
  orders: z.array(z.object({
    platformUnitId: z.string(), platformName: z.string(), issued: count, answered: count, done: count, partial: count, refused: count, onTime: count, complianceRate: ratio,
  })),
  reporters: z.array(z.object({ userId: z.string(), name: z.string(), received: count, founded: count, unfounded: count, accuracy: ratio })),
  patrol: z.object({
    scanned: count, hitItems: count, confirmed: count, dismissed: count, precision: ratio,
    rules: z.array(z.object({ ruleId: z.string(), pattern: z.string(), category: z.string(), hits: count, confirmed: count, dismissed: count, precision: ratio })),
  }),
  /** figures other modules contribute (registry, rumors, enforcement …) */
  extra: z.array(z.object({ code: z.string(), value: count })),
  /** when the rollup last caught up with the event log */
  freshAt: z.string().nullable(),
});
export type DashboardView = z.infer<typeof DashboardSchema>;

export const StatsItemSchema = z.object({
  id: z.uuid(), trackingNo: z.string(), state: z.enum(REPORT_STATES), channel: z.enum(REPORT_CHANNELS), categoryCode: z.string(), categoryName: z.string(),
  jurisdictionName: z.string(), at: z.string(), submittedAt: z.string(),
});
export const StatsItemListSchema = z.object({
  items: z.array(StatsItemSchema), total: count, period: PeriodViewSchema, jurisdictionName: z.string(),
  /** the name behind `key` when it is an id (a partner unit, a platform, a trusted reporter) */
  keyLabel: z.string().nullable(),
});

// ── Figure catalogue (every figure: its definition and the rows behind it) ──
export const FigureViewSchema = z.object({
  code: z.string(), module: z.string(), label: z.string(),
  /** how the figure is counted, in plain Chinese */
  definition: z.string(),
});
export const FigureCatalogueViewSchema = z.object({ items: z.array(FigureViewSchema) });
export const FigureCodeParamsSchema = z.strictObject({ code: lineField(60).min(1) });
export const FigureItemsQuerySchema = PageQuerySchema.extend(periodFields);
export type FigureItemsQuery = z.infer<typeof FigureItemsQuerySchema>;
export const FigureItemSchema = z.object({
  id: z.string(), title: z.string(), subtitle: z.string().nullable(),
  /** an ISO moment, or YYYY-MM-DD for figures counted by a date */
  at: z.string().nullable(),
  /** where the row opens in the console */
  link: z.string().nullable(),
});
export const FigureItemListSchema = FigureViewSchema.omit({ module: true }).extend({
  period: PeriodViewSchema, jurisdictionName: z.string(), items: z.array(FigureItemSchema),
  /** equals the figure's value for the same scope and period */
  total: count,
});

// ── Work report (工作情况汇报) ─────────────────────────────────────
export const WorkReportInputSchema = z.strictObject({ ...periodFields, title: lineField(60).min(2).optional() });
export const SavedQuerySchema = z.object({
  id: z.uuid(), figure: z.string(), params: z.record(z.string(), z.unknown()), savedValue: count, currentValue: count, createdAt: z.string(),
});

// ── Transparency (public monthly statistics, 12377 layout) ─────────
/** A calendar month, YYYY-MM, within the years the office can have data for (2000-01 to 2999-12). */
export const MonthSchema = text().regex(/^2\d{3}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM from 2000-01 to 2999-12');
export const MonthParamsSchema = z.strictObject({ month: MonthSchema });
const shareRow = z.object({ key: z.string(), label: z.string(), count, share: z.number() });
export const TransparencyDataSchema = z.object({
  month: z.string(),
  office: z.string(),
  total: count,
  previousTotal: count,
  lastYearTotal: count,
  /** 环比 and 同比 in percent; null when the base month had none */
  monthOnMonth: ratio,
  yearOnYear: ratio,
  byLevel: z.array(shareRow),
  byCategory: z.array(shareRow.extend({ monthOnMonth: ratio })),
  accepted: count,
  disposed: count,
});
export type TransparencyData = z.infer<typeof TransparencyDataSchema>;
export const TransparencyMonthSchema = z.object({
  month: z.string(), version: count, data: TransparencyDataSchema, approvedBy: z.string(), approvedAt: z.string(), correction: z.string().nullable(),
});
export type TransparencyMonthView = z.infer<typeof TransparencyMonthSchema>;
/** GET /api/public/transparency: every approved month, newest first (the query string takes nothing). */
export const TransparencyFeedQuerySchema = z.strictObject({});
export const TransparencyFeedSchema = z.object({ office: z.string(), months: z.array(TransparencyMonthSchema) });
export const TransparencyPreviewSchema = z.object({ live: TransparencyDataSchema, published: TransparencyMonthSchema.nullable() });
export const TransparencyApproveInputSchema = z.strictObject({
  /** required when the month was published before: why the figures change */
  correction: textField(500).min(2).optional(),
});

// ── EU DSA Transparency Database: statement of reasons ────────────
export const DsaExportQuerySchema = z.strictObject({ from: DateOnlySchema, to: DateOnlySchema, jurisdictionId: z.uuid().optional() });
export const DsaStatementSchema = z.object({
  uuid: z.string(),
  decision_visibility: z.array(z.string()),
  decision_account: z.string().nullable(),
  decision_ground: z.enum(['DECISION_GROUND_ILLEGAL_CONTENT', 'DECISION_GROUND_INCOMPATIBLE_CONTENT']),
  illegal_content_legal_ground: z.string().nullable(),
  illegal_content_explanation: z.string().nullable(),
  category: z.string(),
  decision_facts: z.string(),
  source_type: z.enum(['SOURCE_ARTICLE_16', 'SOURCE_TRUSTED_FLAGGER', 'SOURCE_VOLUNTARY', 'SOURCE_TYPE_OTHER_NOTIFICATION']),
  automated_detection: z.enum(['Yes', 'No']),
  automated_decision: z.enum(['AUTOMATED_DECISION_FULLY', 'AUTOMATED_DECISION_PARTIALLY', 'AUTOMATED_DECISION_NOT_AUTOMATED']),
  content_type: z.array(z.string()),
  application_date: z.string(),
  content_date: z.string(),
  platform_name: z.string().nullable(),
  puid: z.string(),
});
export const DsaExportSchema = z.object({ generatedAt: z.string(), count, statements: z.array(DsaStatementSchema) });
