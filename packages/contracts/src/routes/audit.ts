import { listOf } from '../common';
import { EventListQuerySchema, EventViewSchema } from '../audit';
import { defineRoutes } from '../route-table';

export const auditApi = defineRoutes({
  events: {
    method: 'GET', path: '/api/events', summary: '查询操作事件', tags: ['audit 审计'],
    query: EventListQuerySchema, response: { 200: listOf(EventViewSchema) },
  },
});
