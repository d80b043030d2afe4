import type { FastifyPluginAsync } from 'fastify';
import { replyTemplatesApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';
import { reportsPolicy as policy } from './reports.policy';

/** 回复模板 maintenance at the admin's own level; handlers pick the templates in force through /api/reports/options. */
export const templatesRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const t = s.reports.replies.templates;
  const opts = { config: { permission: policy.configure, settings: 'reply_template' } } as const;

  mount(app, api.list, opts, async (req) => t.list(currentUser(req)));

  mount(app, api.create, opts, async (req, reply) => reply.code(201).send(await t.create(currentUser(req), req.body)));

  mount(app, api.update, opts, async (req) => t.update(currentUser(req), req.params.id, req.body));

  mount(app, api.remove, opts, async (req) => {
    await t.remove(currentUser(req), req.params.id);
    return { ok: true as const };
  });
};
