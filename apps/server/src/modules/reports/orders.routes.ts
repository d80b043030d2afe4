import type { FastifyPluginAsync } from 'fastify';
import { ordersApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';
import { reportsPolicy as policy } from './reports.policy';

/** The platform liaison's inbox and the office's outbox are separate paths: a route grants one permission. */
export const ordersRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const o = s.reports.orders;

  mount(app, api.inbox, { config: { permission: policy.answerOrder } }, async (req) => o.list(currentUser(req), 'inbox', req.query));

  mount(app, api.outbox, { config: { permission: policy.read } }, async (req) => o.list(currentUser(req), 'outbox', req.query));

  mount(app, api.get, { config: { permission: policy.answerOrder } }, async (req) => o.get(currentUser(req), req.params.id));

  mount(app, api.answer, { config: { permission: policy.answerOrder } }, async (req) => o.answer(currentUser(req), req.params.id, req.body));

  mount(app, api.recheck, { config: { permission: policy.recheckOrder } }, async (req) => o.recheck(currentUser(req), req.params.id, req.body));
};
