import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParamsSchema, UnitCreateInputSchema, UnitListQuerySchema, UnitUpdateInputSchema, UnitViewSchema, listOf,
} from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import { unitsPolicy as policy } from './units.policy';
import { unitView } from './units.views';

export const unitsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['units 单位'];
  app.get('/api/units', {
    config: { permission: policy.list },
    schema: { summary: '单位列表', tags, querystring: UnitListQuerySchema, response: { 200: listOf(UnitViewSchema) } },
  }, async (req) => {
    const { items, total } = await s.units.list(currentUser(req), req.query);
    return { items: items.map(unitView), total };
  });

  app.get('/api/units/:id', {
    config: { permission: policy.read },
    schema: { summary: '单位详情', tags, params: IdParamsSchema, response: { 200: UnitViewSchema } },
  }, async (req) => unitView(await s.units.getVisible(currentUser(req), req.params.id)));

  app.post('/api/units', {
    config: { permission: policy.create },
    schema: { summary: '新建单位', errors: ['resource.conflict'], tags, body: UnitCreateInputSchema, response: { 201: UnitViewSchema } },
  }, async (req, reply) => reply.status(201).send(unitView(await s.units.create(currentUser(req), req.body))));

  app.patch('/api/units/:id', {
    config: { permission: policy.update },
    schema: { summary: '修改单位', errors: ['resource.conflict', 'user.cannot_modify_self'], tags, params: IdParamsSchema, body: UnitUpdateInputSchema, response: { 200: UnitViewSchema } },
  }, async (req) => unitView(await s.units.update(currentUser(req), req.params.id, req.body)));
};
