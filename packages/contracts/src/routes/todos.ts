import { PageQuerySchema } from '../common';
import { defineRoutes } from '../route-table';
import { TodoCodeParamsSchema, TodoListSchema, TodoSummarySchema } from '../todos';

const tags = ['todos 待办'] as const;

/** 待办: personal, like notifications — any signed-in user; each kind checks its own permissions and scope. */
export const todosApi = defineRoutes({
  summary: { method: 'GET', path: '/api/todos', summary: '我的待办（各类待办及数量）', tags, response: { 200: TodoSummarySchema } },
  list: {
    method: 'GET', path: '/api/todos/:code', summary: '某类待办的事项', errors: ['todo.unknown_kind', 'auth.forbidden'], tags,
    params: TodoCodeParamsSchema, query: PageQuerySchema, response: { 200: TodoListSchema },
  },
});
