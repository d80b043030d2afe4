import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, OkSchema, ReplyTemplateInputSchema, ReplyTemplateUpdateSchema, ReplyTemplateViewSchema, SettingLevelSchema } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import { reportsPolicy as policy } from './reports.policy';

/** 回复模板 maintenance at the admin's own level; handlers pick the templates in force through /api/reports/options. */
export const templatesRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['reports 举报'];
  const t = s.reports.replies.templates;

  app.get('/api/reply-templates', {
    config: { permission: policy.configure, settings: 'reply_template' },
    schema: { summary: '答复模板列表', tags, response: { 200: z.object({ items: z.array(ReplyTemplateViewSchema), level: SettingLevelSchema }) } },
  }, async (req) => t.list(currentUser(req)));

  app.post('/api/reply-templates', {
    config: { permission: policy.configure, settings: 'reply_template' },
    schema: { summary: '新建答复模板', errors: ['resource.conflict'], tags, body: ReplyTemplateInputSchema, response: { 201: ReplyTemplateViewSchema } },
  }, async (req, reply) => reply.code(201).send(await t.create(currentUser(req), req.body)));

  app.patch('/api/reply-templates/:id', {
    config: { permission: policy.configure, settings: 'reply_template' },
    schema: { summary: '修改答复模板', errors: ['resource.conflict'], tags, params: IdParamsSchema, body: ReplyTemplateUpdateSchema, response: { 200: ReplyTemplateViewSchema } },
  }, async (req) => t.update(currentUser(req), req.params.id, req.body));

  app.delete('/api/reply-templates/:id', {
    config: { permission: policy.configure, settings: 'reply_template' },
    schema: { summary: '删除答复模板', tags, params: IdParamsSchema, response: { 200: OkSchema } },
  }, async (req) => {
    await t.remove(currentUser(req), req.params.id);
    return { ok: true as const };
  });
};
