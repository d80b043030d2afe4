import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParamsSchema, PERMISSIONS, RoleCreateInputSchema, RoleUpdateInputSchema, RoleViewSchema,
} from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import { rolesPolicy as policy } from './roles.policy';

export const rolesRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['roles 角色权限'];
  app.get('/api/roles', {
    config: { permission: policy.list, settings: 'roles' },
    schema: { summary: '角色列表', tags, response: { 200: z.object({ items: z.array(RoleViewSchema) }) } },
  }, async () => ({ items: await s.roles.list() }));

  app.get('/api/permissions', {
    config: { permission: policy.list, settings: 'roles' },
    schema: { summary: '权限列表', tags, response: { 200: z.object({ items: z.array(z.enum(PERMISSIONS)) }) } },
  }, async () => ({ items: [...PERMISSIONS] }));

  app.post('/api/roles', {
    config: { permission: policy.create, settings: 'roles' },
    schema: { summary: '新建角色', errors: ['resource.conflict', 'role.unknown_permission'], tags, body: RoleCreateInputSchema, response: { 201: RoleViewSchema } },
  }, async (req, reply) => reply.status(201).send(await s.roles.create(currentUser(req), req.body)));

  app.patch('/api/roles/:id', {
    config: { permission: policy.update, settings: 'roles' },
    schema: { summary: '修改角色', errors: ['role.builtin_locked', 'role.unknown_permission'], tags, params: IdParamsSchema, body: RoleUpdateInputSchema, response: { 200: RoleViewSchema } },
  }, async (req) => s.roles.update(currentUser(req), req.params.id, req.body));
};
