import type { FastifyPluginAsync } from 'fastify';
import { jurisdictionsApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';
import { jurisdictionsPolicy as policy } from './jurisdictions.policy';
import { jurisdictionView } from './jurisdictions.views';

export const jurisdictionsRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  mount(app, api.list, { config: { permission: policy.list } },
    async (req) => ({ items: (await s.jurisdictions.list(currentUser(req))).map(jurisdictionView) }));
  mount(app, api.get, { config: { permission: policy.read } },
    async (req) => jurisdictionView(await s.jurisdictions.getVisible(currentUser(req), req.params.id)));
  mount(app, api.create, { config: { permission: policy.create } },
    async (req, reply) => reply.status(201).send(jurisdictionView(await s.jurisdictions.create(currentUser(req), req.body))));
  mount(app, api.update, { config: { permission: policy.update } },
    async (req) => jurisdictionView(await s.jurisdictions.update(currentUser(req), req.params.id, req.body)));
};
