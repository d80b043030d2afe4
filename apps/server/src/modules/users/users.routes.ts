import type { FastifyPluginAsync } from 'fastify';
import { usersApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';
import { usersPolicy as policy } from './users.policy';
import { userView } from './users.views';

export const usersRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  mount(app, api.list, { config: { permission: policy.list } }, async (req) => {
    const { items, total } = await s.users.list(currentUser(req), req.query);
    return { items: items.map(userView), total };
  });
  mount(app, api.get, { config: { permission: policy.read } }, async (req) => userView(await s.users.getVisible(currentUser(req), req.params.id)));
  mount(app, api.create, { config: { permission: policy.create } },
    async (req, reply) => reply.status(201).send(userView(await s.users.create(currentUser(req), req.body))));
  mount(app, api.update, { config: { permission: policy.update } }, async (req) => userView(await s.users.update(currentUser(req), req.params.id, req.body)));
  mount(app, api.resetPassword, { config: { permission: policy.resetPassword } }, async (req) => {
    await s.users.resetPassword(currentUser(req), req.params.id, req.body.password);
    return { ok: true as const };
  });
  mount(app, api.unlock, { config: { permission: policy.unlock } }, async (req) => userView(await s.users.unlock(currentUser(req), req.params.id)));
};
