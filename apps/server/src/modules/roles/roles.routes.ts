import type { FastifyPluginAsync } from 'fastify';
import { PERMISSIONS, rolesApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';
import { rolesPolicy as policy } from './roles.policy';

export const rolesRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  mount(app, api.list, { config: { permission: policy.list, settings: 'roles' } }, async () => ({ items: await s.roles.list() }));
  mount(app, api.permissions, { config: { permission: policy.list, settings: 'roles' } }, async () => ({ items: [...PERMISSIONS] }));
  mount(app, api.create, { config: { permission: policy.create, settings: 'roles' } },
    async (req, reply) => reply.status(201).send(await s.roles.create(currentUser(req), req.body)));
  mount(app, api.update, { config: { permission: policy.update, settings: 'roles' } }, async (req) => s.roles.update(currentUser(req), req.params.id, req.body));
};
