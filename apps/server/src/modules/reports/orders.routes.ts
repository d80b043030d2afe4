import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParamsSchema, OrderAnswerInputSchema, OrderQuerySchema, OrderRecheckInputSchema, OrderViewSchema, listOf,
} from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import { reportsPolicy as policy } from './reports.policy';

/** The platform liaison's inbox and the office's outbox are separate paths: a route grants one permission. */
export const ordersRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['orders 处置通知'];
  const o = s.reports.orders;

  app.get('/api/orders', {
    config: { permission: policy.answerOrder },
    schema: { summary: '收到的处置通知', tags, querystring: OrderQuerySchema, response: { 200: listOf(OrderViewSchema) } },
  }, async (req) => o.list(currentUser(req), 'inbox', req.query));

  app.get('/api/orders/outbox', {
    config: { permission: policy.read },
    schema: { summary: '发出的处置通知', tags, querystring: OrderQuerySchema, response: { 200: listOf(OrderViewSchema) } },
  }, async (req) => o.list(currentUser(req), 'outbox', req.query));

  app.get('/api/orders/:id', {
    config: { permission: policy.answerOrder },
    schema: { summary: '处置通知详情', tags, params: IdParamsSchema, response: { 200: OrderViewSchema } },
  }, async (req) => o.get(currentUser(req), req.params.id));

  app.post('/api/orders/:id/answer', {
    config: { permission: policy.answerOrder },
    schema: { summary: '反馈处置落实情况', errors: ['order.invalid_transition'], tags, params: IdParamsSchema, body: OrderAnswerInputSchema, response: { 200: OrderViewSchema } },
  }, async (req) => o.answer(currentUser(req), req.params.id, req.body));

  app.post('/api/orders/:id/recheck', {
    config: { permission: policy.recheckOrder },
    schema: { summary: '复核处置落实情况', errors: ['order.invalid_transition'], tags, params: IdParamsSchema, body: OrderRecheckInputSchema, response: { 200: OrderViewSchema } },
  }, async (req) => o.recheck(currentUser(req), req.params.id, req.body));
};
