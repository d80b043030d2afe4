import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { REPORT_SLA_DEFAULTS, ReportSlaInputSchema, ReportSlaViewSchema, lineField } from '@tianlang/contracts';
import { reportSla } from '../../db/schema';
import { currentUser } from '../../http/auth-hook';
import { AppError } from '../../lib/errors';
import type { Services } from '../../services';
import { appendEvent } from '../audit/events.service';
import { primaryRole } from '../auth/auth.types';
import { reportsPolicy as policy } from './reports.policy';

/** 办理时限: accept / dispose / reply deadlines per category, each change on the event log. */
export const slaRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['reports 举报'];
  const view = async () => ({
    defaults: { ...REPORT_SLA_DEFAULTS },
    categories: (await s.db.select().from(reportSla).orderBy(asc(reportSla.categoryCode)))
      .map((r) => ({ categoryCode: r.categoryCode, accept: r.accept, dispose: r.dispose, reply: r.reply, updatedAt: r.updatedAt.toISOString() })),
  });

  app.get('/api/reports/sla', { config: { permission: policy.configure }, schema: { tags, response: { 200: ReportSlaViewSchema } } }, view);

  app.put('/api/reports/sla/:code', {
    config: { permission: policy.configure },
    schema: { tags, params: z.strictObject({ code: lineField(60).min(1) }), body: ReportSlaInputSchema, response: { 200: ReportSlaViewSchema } },
  }, async (req) => {
    const user = currentUser(req);
    if (!(await s.reports.taxonomy.category(req.params.code))) throw new AppError('report.unknown_category', `unknown category ${req.params.code}`);
    const { reason, ...days } = req.body;
    const at = s.clock.now();
    await s.db.transaction(async (tx) => {
      const [before] = await tx.select().from(reportSla).where(eq(reportSla.categoryCode, req.params.code));
      await tx.insert(reportSla).values({ categoryCode: req.params.code, ...days, updatedAt: at })
        .onConflictDoUpdate({ target: reportSla.categoryCode, set: { ...days, updatedAt: at } });
      await appendEvent(tx, {
        subjectType: 'report_sla', subjectId: req.params.code, action: 'report_sla.set', actorId: user.id, actorRole: primaryRole(user), unitId: user.unitId,
        reason, payload: { before: before ? { accept: before.accept, dispose: before.dispose, reply: before.reply } : REPORT_SLA_DEFAULTS, after: days }, at,
      });
    });
    s.reports.clocks.invalidate();
    return view();
  });
};
