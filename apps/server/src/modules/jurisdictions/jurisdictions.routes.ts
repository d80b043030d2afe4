import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParamsSchema, JurisdictionCreateInputSchema, JurisdictionUpdateInputSchema, JurisdictionViewSchema,
} from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import { jurisdictionsPolicy as policy } from './jurisdictions.policy';
import { jurisdictionView } from './jurisdictions.views';

export const jurisdictionsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['jurisdictions 属地'];
  app.get('/api/jurisdictions', {
    config: { permission: policy.list },
    schema: { summary: '属地列表', tags, response: { 200: z.object({ items: z.array(JurisdictionViewSchema) }) } },
  }, async (req) => ({ items: (await s.jurisdictions.list(currentUser(req))).map(jurisdictionView) }));

  app.get('/api/jurisdictions/:id', {
    config: { permission: policy.read },
    schema: { summary: '属地详情', tags, params: IdParamsSchema, response: { 200: JurisdictionViewSchema } },
  }, async (req) => jurisdictionView(await s.jurisdictions.getVisible(currentUser(req), req.params.id)));

  app.post('/api/jurisdictions', {
    config: { permission: policy.create },
    schema: { summary: '新建属地', errors: ['jurisdiction.invalid_parent', 'jurisdiction.out_of_scope', 'resource.conflict'], tags, body: JurisdictionCreateInputSchema, response: { 201: JurisdictionViewSchema } },
  }, async (req, reply) => reply.status(201).send(jurisdictionView(await s.jurisdictions.create(currentUser(req), req.body))));

  app.patch('/api/jurisdictions/:id', {
    config: { permission: policy.update },
    schema: { summary: '修改属地', errors: ['jurisdiction.has_children', 'jurisdiction.out_of_scope', 'resource.conflict'], tags, params: IdParamsSchema, body: JurisdictionUpdateInputSchema, response: { 200: JurisdictionViewSchema } },
  }, async (req) => jurisdictionView(await s.jurisdictions.update(currentUser(req), req.params.id, req.body)));
};
