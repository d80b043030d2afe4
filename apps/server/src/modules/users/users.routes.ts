import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParamsSchema, OkSchema, UserCreateInputSchema, UserListQuerySchema, UserResetPasswordInputSchema,
  UserUpdateInputSchema, UserViewSchema, listOf,
} from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import { usersPolicy as policy } from './users.policy';
import { userView } from './users.views';

export const usersRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['users 用户'];
  app.get('/api/users', {
    config: { permission: policy.list },
    schema: { summary: '用户列表', tags, querystring: UserListQuerySchema, response: { 200: listOf(UserViewSchema) } },
  }, async (req) => {
    const { items, total } = await s.users.list(currentUser(req), req.query);
    return { items: items.map(userView), total };
  });

  app.get('/api/users/:id', {
    config: { permission: policy.read },
    schema: { summary: '用户详情', tags, params: IdParamsSchema, response: { 200: UserViewSchema } },
  }, async (req) => userView(await s.users.getVisible(currentUser(req), req.params.id)));

  app.post('/api/users', {
    config: { permission: policy.create },
    schema: { summary: '新建用户', errors: ['user.username_taken', 'auth.password_weak'], tags, body: UserCreateInputSchema, response: { 201: UserViewSchema } },
  }, async (req, reply) => reply.status(201).send(userView(await s.users.create(currentUser(req), req.body))));

  app.patch('/api/users/:id', {
    config: { permission: policy.update },
    schema: { summary: '修改用户', errors: ['user.cannot_modify_self'], tags, params: IdParamsSchema, body: UserUpdateInputSchema, response: { 200: UserViewSchema } },
  }, async (req) => userView(await s.users.update(currentUser(req), req.params.id, req.body)));

  app.post('/api/users/:id/reset-password', {
    config: { permission: policy.resetPassword },
    schema: { summary: '重置用户密码', errors: ['auth.password_weak'], tags, params: IdParamsSchema, body: UserResetPasswordInputSchema, response: { 200: OkSchema } },
  }, async (req) => {
    await s.users.resetPassword(currentUser(req), req.params.id, req.body.password);
    return { ok: true as const };
  });

  app.post('/api/users/:id/unlock', {
    config: { permission: policy.unlock },
    schema: { summary: '解除用户锁定', errors: ['resource.conflict'], tags, params: IdParamsSchema, response: { 200: UserViewSchema } },
  }, async (req) => userView(await s.users.unlock(currentUser(req), req.params.id)));
};
