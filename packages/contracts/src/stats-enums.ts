/**
 * Constants of the statistics module, free of zod so the console can import them without the schema
 * library (see stats.ts for the schemas).
 */
export const STATS_PERIOD_KINDS = ['month', 'quarter', 'half', 'year', 'custom'] as const;

/** Report figures, each counted on the day of its first event of that kind. */
export const REPORT_FIGURES = ['received', 'accepted', 'rejected', 'merged', 'transferred', 'disposed', 'answered', 'closed'] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];
export const STATS_STAGES = ['accept', 'dispose', 'reply'] as const;
export type StatsStage = (typeof STATS_STAGES)[number];
/** Breakdowns of the report figures. */
/** Breakdowns of the report figures; 'grade' is the current grade of the registry entity the report concerns ('none' when unlinked). */
export const STATS_DIMS = ['category', 'zone', 'channel', 'platform', 'level', 'grade'] as const;
/** The 'grade' breakdown's key of reports not linked to a registry entity. */
export const STATS_GRADE_NONE = 'none';
export type StatsDim = (typeof STATS_DIMS)[number];

/**
 * Figures quoted in a work report (工作情况汇报). A module that records the underlying work adds its
 * figure to the server's catalogue; figures of modules not installed are left out of the report.
 */
export const WORK_REPORT_FIGURES = [
  'platforms_checked', 'patrol_items', 'harmful_info_disposed', 'accounts_disposed', 'reports_accepted',
  'leads_transferred', 'interviews', 'debunks',
] as const;
export type WorkReportFigure = (typeof WORK_REPORT_FIGURES)[number];
