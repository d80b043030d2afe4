import { IdParamsSchema, listOf } from '../common';
import { OrderAnswerInputSchema, OrderQuerySchema, OrderRecheckInputSchema, OrderViewSchema } from '../reports';
import { defineRoutes } from '../route-table';

const tags = ['orders 处置通知'] as const;

/** 处置通知: the platform liaison's inbox and the office's outbox are separate paths, each granted by one permission. */
export const ordersApi = defineRoutes({
  inbox: { method: 'GET', path: '/api/orders', summary: '收到的处置通知', tags, query: OrderQuerySchema, response: { 200: listOf(OrderViewSchema) } },
  outbox: { method: 'GET', path: '/api/orders/outbox', summary: '发出的处置通知', tags, query: OrderQuerySchema, response: { 200: listOf(OrderViewSchema) } },
  get: { method: 'GET', path: '/api/orders/:id', summary: '处置通知详情', tags, params: IdParamsSchema, response: { 200: OrderViewSchema } },
  answer: {
    method: 'POST', path: '/api/orders/:id/answer', summary: '反馈处置落实情况', tags, errors: ['order.invalid_transition'],
    params: IdParamsSchema, body: OrderAnswerInputSchema, response: { 200: OrderViewSchema },
  },
  recheck: {
    method: 'POST', path: '/api/orders/:id/recheck', summary: '复核处置落实情况', tags, errors: ['order.invalid_transition'],
    params: IdParamsSchema, body: OrderRecheckInputSchema, response: { 200: OrderViewSchema },
  },
});
