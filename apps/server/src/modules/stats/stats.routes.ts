import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DashboardSchema, DsaExportQuerySchema, DsaExportSchema, IdParamsSchema, MonthParamsSchema, SavedQuerySchema, StatsExportQuerySchema,
  StatsItemListSchema, StatsItemsQuerySchema, StatsQuerySchema, TransparencyApproveInputSchema, TransparencyMonthSchema,
  TransparencyPreviewSchema, WorkReportInputSchema,
} from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { attachment } from '../../lib/attachment';
import { DOCX_MIME } from '../documents/documents.service';
import type { Services } from '../../services';
import { statsPolicy as policy } from './stats.policy';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The console side of statistics: dashboard, drill-down lists, exports, transparency approval. */
export const statsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['stats 统计与报告'];
  const st = s.stats;

  app.get('/api/stats/dashboard', {
    config: { permission: policy.read },
    schema: { summary: '统计看板', errors: ['stats.invalid_period', 'jurisdiction.out_of_scope'], tags, querystring: StatsQuerySchema, response: { 200: DashboardSchema } },
  }, async (req) => st.dashboard.dashboard(currentUser(req), req.query));

  app.get('/api/stats/items', {
    config: { permission: policy.read },
    schema: { summary: '统计数字背后的明细', errors: ['stats.invalid_period', 'jurisdiction.out_of_scope'], tags, querystring: StatsItemsQuerySchema, response: { 200: StatsItemListSchema } },
  }, async (req) => st.exports.items(currentUser(req), req.query));

  app.get('/api/stats/export.xlsx', {
    config: { permission: policy.read },
    schema: { summary: '导出统计表（Excel）', errors: ['stats.invalid_period', 'jurisdiction.out_of_scope'], tags, querystring: StatsExportQuerySchema, produces: [XLSX] },
  }, async (req, reply) => {
    const { buffer, filename } = await st.exports.xlsx(currentUser(req), req.query);
    return reply.type(XLSX).header('content-disposition', attachment(filename)).send(buffer);
  });

  app.post('/api/stats/work-report', {
    config: { permission: policy.read },
    schema: { summary: '生成工作报告（Word）', errors: ['stats.invalid_period', 'jurisdiction.out_of_scope'], tags, body: WorkReportInputSchema, produces: [DOCX_MIME] },
  }, async (req, reply) => {
    const { buffer, filename, document } = await st.exports.workReport(currentUser(req), req.body);
    // the stored document (GET /api/documents/:id) and the hash its document.rendered event records
    return reply.type(DOCX_MIME).header('content-disposition', attachment(filename))
      .header('x-document-id', document.id).header('x-content-sha256', document.sha256).send(buffer);
  });

  app.get('/api/stats/queries/:id', {
    config: { permission: policy.read },
    schema: { summary: '已保存的统计查询', tags, params: IdParamsSchema, response: { 200: SavedQuerySchema } },
  }, async (req) => st.exports.savedQuery(currentUser(req), req.params.id));

  app.get('/api/stats/dsa-statements', {
    config: { permission: policy.read },
    schema: { summary: '导出处置说明数据', errors: ['stats.invalid_period', 'jurisdiction.out_of_scope'], tags, querystring: DsaExportQuerySchema, response: { 200: DsaExportSchema } },
  }, async (req) => st.exports.dsa(currentUser(req), req.query));

  app.get('/api/stats/transparency/:month', {
    config: { permission: policy.publish },
    schema: { summary: '预览某月的透明度月报', errors: ['stats.month_not_over', 'jurisdiction.out_of_scope'], tags, params: MonthParamsSchema, response: { 200: TransparencyPreviewSchema } },
  }, async (req) => st.transparency.preview(currentUser(req), req.params.month));

  app.post('/api/stats/transparency/:month/approve', {
    config: { permission: policy.publish },
    schema: { summary: '审核发布透明度月报', errors: ['stats.already_published', 'stats.month_not_over', 'jurisdiction.out_of_scope'], tags, params: MonthParamsSchema, body: TransparencyApproveInputSchema, response: { 201: TransparencyMonthSchema } },
  }, async (req, reply) => reply.status(201).send(await st.transparency.approve(currentUser(req), req.params.month, req.body.correction)));
};

/** The public transparency data: approved, frozen months only; rate limited like the other public routes. */
export const publicStatsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['public 公众举报'];
  const limited = { public: true, rateLimit: { max: s.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: 60_000 } };
  app.get('/api/public/transparency', {
    config: limited, schema: { summary: '已发布的透明度月报', tags, querystring: z.strictObject({}), response: { 200: z.object({ office: z.string(), months: z.array(TransparencyMonthSchema) }) } },
  }, async () => s.stats.transparency.feed());
  app.get('/api/public/transparency/:month', {
    config: limited, schema: { summary: '某月的透明度月报', errors: ['stats.not_published'], tags, params: MonthParamsSchema, response: { 200: TransparencyMonthSchema } },
  }, async (req) => s.stats.transparency.publishedMonth(req.params.month));
};
