import type { FastifyPluginAsync } from 'fastify';
import { reportSlaApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';
import { reportsPolicy as policy } from './reports.policy';

/** 办理时限: accept / dispose / reply deadlines per category, at the root or overridden by a jurisdiction. */
export const slaRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const opts = { config: { permission: policy.configure, settings: 'report_sla' } } as const;

  mount(app, api.view, opts, async (req) => s.reports.sla.view(currentUser(req)));

  mount(app, api.set, opts, async (req) => s.reports.sla.set(currentUser(req), req.params.code, req.body));

  mount(app, api.remove, opts, async (req) => s.reports.sla.remove(currentUser(req), req.params.code, req.query.reason));
};
