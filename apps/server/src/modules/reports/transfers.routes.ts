import type { FastifyPluginAsync } from 'fastify';
import { transfersApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';
import { reportsPolicy as policy } from './reports.policy';

/** A route grants one permission: the department's inbox and the office's outbox are separate paths. */
export const transfersRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const t = s.reports.transfers;

  mount(app, api.inbox, { config: { permission: policy.handleTransfer } }, async (req) => t.list(currentUser(req), 'inbox', req.query));

  mount(app, api.outbox, { config: { permission: policy.read } }, async (req) => t.list(currentUser(req), 'outbox', req.query));

  mount(app, api.get, { config: { permission: policy.handleTransfer } }, async (req) => t.get(currentUser(req), req.params.id));

  mount(app, api.sign, { config: { permission: policy.handleTransfer } }, async (req) => t.sign(currentUser(req), req.params.id));

  mount(app, api.reply, { config: { permission: policy.handleTransfer } }, async (req) => t.reply(currentUser(req), req.params.id, req.body.text));

  mount(app, api.return, { config: { permission: policy.handleTransfer } }, async (req) => t.return(currentUser(req), req.params.id, req.body.reason));

  mount(app, api.urge, { config: { permission: policy.urgeTransfer } }, async (req) => t.urge(currentUser(req), req.params.id, req.body.reason));

  mount(app, api.recordReply, { config: { permission: policy.recordTransferReply } }, async (req) => t.recordReply(currentUser(req), req.params.id, req.body));
};
