import type { FastifyPluginAsync } from 'fastify';
import { auditApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';
import { auditPolicy as policy } from './audit.policy';

export const auditRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  mount(app, api.events, { config: { permission: policy.list } }, async (req) => s.audit.list(currentUser(req), req.query));
};
