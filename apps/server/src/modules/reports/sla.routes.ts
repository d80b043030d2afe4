import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReportSlaInputSchema, ReportSlaViewSchema, lineField, textField } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import { reportsPolicy as policy } from './reports.policy';

/** 办理时限: accept / dispose / reply deadlines per category, at the root or overridden by a jurisdiction. */
export const slaRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['reports 举报'];
  const config = { permission: policy.configure, settings: 'report_sla' } as const;
  const params = z.strictObject({ code: lineField(60).min(1) });

  app.get('/api/reports/sla', { config, schema: { summary: '办理时限设置', tags, response: { 200: ReportSlaViewSchema } } }, async (req) => s.reports.sla.view(currentUser(req)));

  app.put('/api/reports/sla/:code', {
    config, schema: { summary: '设置某分类的办理时限', errors: ['report.unknown_category'], tags, params, body: ReportSlaInputSchema, response: { 200: ReportSlaViewSchema } },
  }, async (req) => s.reports.sla.set(currentUser(req), req.params.code, req.body));

  app.delete('/api/reports/sla/:code', {
    config, schema: { summary: '恢复某分类的默认办理时限', errors: ['resource.not_found'], tags, params, querystring: z.strictObject({ reason: textField(500).min(2).optional() }), response: { 200: ReportSlaViewSchema } },
  }, async (req) => s.reports.sla.remove(currentUser(req), req.params.code, req.query.reason));
};
