import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EventListQuerySchema, EventViewSchema, listOf } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import { auditPolicy as policy } from './audit.policy';

export const auditRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/events', {
    config: { permission: policy.list },
    schema: { summary: '查询操作事件', tags: ['audit 审计'], querystring: EventListQuerySchema, response: { 200: listOf(EventViewSchema) } },
  }, async (req) => s.audit.list(currentUser(req), req.query));
};
