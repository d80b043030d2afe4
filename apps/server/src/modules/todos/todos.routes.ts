import type { FastifyPluginAsync } from 'fastify';
import { todosApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';

/** 待办: personal, like notifications — any signed-in user; each kind checks its own permissions and scope. */
export const todosRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  mount(app, api.summary, {}, async (req) => s.todos.summary(currentUser(req)));
  mount(app, api.list, {}, async (req) => s.todos.list(currentUser(req), req.params.code, req.query));
};
