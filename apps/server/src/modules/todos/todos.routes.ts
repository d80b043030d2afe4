import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PageQuerySchema, TodoCodeParamsSchema, TodoListSchema, TodoSummarySchema } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';

/** 待办: personal, like notifications — any signed-in user; each kind checks its own permissions and scope. */
export const todosRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['todos 待办'];
  app.get('/api/todos', {
    schema: { summary: '我的待办（各类待办及数量）', tags, response: { 200: TodoSummarySchema } },
  }, async (req) => s.todos.summary(currentUser(req)));

  app.get('/api/todos/:code', {
    schema: { summary: '某类待办的事项', errors: ['todo.unknown_kind', 'auth.forbidden'], tags, params: TodoCodeParamsSchema, querystring: PageQuerySchema, response: { 200: TodoListSchema } },
  }, async (req) => s.todos.list(currentUser(req), req.params.code, req.query));
};
