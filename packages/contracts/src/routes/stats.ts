import { IdParamsSchema } from '../common';
import { PUBLIC_ROUTES } from '../public-routes';
import { defineRoutes } from '../route-table';
import {
  DashboardSchema, DsaExportQuerySchema, DsaExportSchema, FigureCatalogueViewSchema, FigureCodeParamsSchema, FigureItemListSchema, FigureItemsQuerySchema, MonthParamsSchema, SavedQuerySchema, StatsExportQuerySchema, StatsItemListSchema,
  StatsItemsQuerySchema, StatsQuerySchema, TransparencyApproveInputSchema, TransparencyFeedQuerySchema, TransparencyFeedSchema,
  TransparencyMonthSchema, TransparencyPreviewSchema, WorkReportInputSchema,
} from '../stats';

const tags = ['stats 统计与报告'] as const;

/** The console side of statistics: dashboard, drill-down lists, exports, transparency approval. */
export const statsApi = defineRoutes({
  dashboard: {
    method: 'GET', path: '/api/stats/dashboard', summary: '统计看板', errors: ['stats.invalid_period', 'jurisdiction.out_of_scope'], tags,
    query: StatsQuerySchema, response: { 200: DashboardSchema },
  },
  items: {
    method: 'GET', path: '/api/stats/items', summary: '统计数字背后的明细', errors: ['stats.invalid_period', 'jurisdiction.out_of_scope'], tags,
    query: StatsItemsQuerySchema, response: { 200: StatsItemListSchema },
  },
  figures: {
    method: 'GET', path: '/api/stats/figures', summary: '统计数字目录（含口径说明）', tags, response: { 200: FigureCatalogueViewSchema },
  },
  figureItems: {
    method: 'GET', path: '/api/stats/figures/:code/items', summary: '某个统计数字背后的明细', tags,
    errors: ['stats.unknown_figure', 'stats.invalid_period', 'jurisdiction.out_of_scope', 'resource.not_found'],
    params: FigureCodeParamsSchema, query: FigureItemsQuerySchema, response: { 200: FigureItemListSchema },
  },
  exportXlsx: {
    method: 'GET', path: '/api/stats/export.xlsx', summary: '导出统计表（Excel）', errors: ['stats.invalid_period', 'jurisdiction.out_of_scope'], tags,
    query: StatsExportQuerySchema, file: true,
  },
  workReport: {
    method: 'POST', path: '/api/stats/work-report', summary: '生成工作报告（Word）', errors: ['stats.invalid_period', 'jurisdiction.out_of_scope'], tags,
    body: WorkReportInputSchema, file: true,
  },
  savedQuery: { method: 'GET', path: '/api/stats/queries/:id', summary: '已保存的统计查询', tags, params: IdParamsSchema, response: { 200: SavedQuerySchema } },
  dsa: {
    method: 'GET', path: '/api/stats/dsa-statements', summary: '导出处置说明数据', errors: ['stats.invalid_period', 'jurisdiction.out_of_scope'], tags,
    query: DsaExportQuerySchema, response: { 200: DsaExportSchema },
  },
  transparencyPreview: {
    method: 'GET', path: '/api/stats/transparency/:month', summary: '预览某月的透明度月报', errors: ['stats.month_not_over', 'jurisdiction.out_of_scope'], tags,
    params: MonthParamsSchema, response: { 200: TransparencyPreviewSchema },
  },
  approveTransparency: {
    method: 'POST', path: '/api/stats/transparency/:month/approve', summary: '审核发布透明度月报',
    errors: ['stats.already_published', 'stats.month_not_over', 'jurisdiction.out_of_scope'], tags,
    params: MonthParamsSchema, body: TransparencyApproveInputSchema, response: { 201: TransparencyMonthSchema },
  },
});

/** The public transparency data: approved, frozen months only (the public page calls these through PUBLIC_ROUTES). */
export const publicStatsApi = defineRoutes({
  transparencyFeed: {
    ...PUBLIC_ROUTES.transparencyFeed, summary: '已发布的透明度月报', tags: ['public 公众举报'],
    query: TransparencyFeedQuerySchema, response: { 200: TransparencyFeedSchema },
  },
  transparencyMonth: {
    ...PUBLIC_ROUTES.transparencyMonth, summary: '某月的透明度月报', errors: ['stats.not_published'], tags: ['public 公众举报'],
    params: MonthParamsSchema, response: { 200: TransparencyMonthSchema },
  },
});
