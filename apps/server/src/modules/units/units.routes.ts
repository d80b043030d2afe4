import type { FastifyPluginAsync } from 'fastify';
import { unitsApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';
import { unitsPolicy as policy } from './units.policy';
import { unitView } from './units.views';

export const unitsRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  mount(app, api.list, { config: { permission: policy.list } }, async (req) => {
    const { items, total } = await s.units.list(currentUser(req), req.query);
    return { items: items.map(unitView), total };
  });
  mount(app, api.get, { config: { permission: policy.read } }, async (req) => unitView(await s.units.getVisible(currentUser(req), req.params.id)));
  mount(app, api.create, { config: { permission: policy.create } },
    async (req, reply) => reply.status(201).send(unitView(await s.units.create(currentUser(req), req.body))));
  mount(app, api.update, { config: { permission: policy.update } }, async (req) => unitView(await s.units.update(currentUser(req), req.params.id, req.body)));
};
