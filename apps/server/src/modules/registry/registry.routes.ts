import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ContactRevealViewSchema, DuplicateCheckInputSchema, DuplicateListSchema, EntityInputSchema, EntityListSchema, EntityPageSchema, EntityQuerySchema,
  EntityUpdateSchema, EntityViewSchema, ExportQuerySchema, GradeInputSchema, IdParamsSchema, MoveInputSchema, RegistryOptionsSchema, StatusInputSchema,
  type EntityView,
} from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import { templateXlsx } from './export';
import { registryPolicy as policy } from './registry.policy';

/** Entities: list and search, duplicates, create, edit, grade, move, close/reopen, contact reveal, page, export. */
export const registryRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['registry 属地台账'];
  const r = s.registry;
  const view = (req: FastifyRequest, id: string): Promise<EntityView> => r.page.view(currentUser(req), id);

  app.get('/api/registry/entities', {
    config: { permission: policy.read }, schema: { summary: '台账主体列表', errors: ['jurisdiction.out_of_scope'], tags, querystring: EntityQuerySchema, response: { 200: EntityListSchema } },
  }, async (req) => r.lookup.list(currentUser(req), req.query));

  app.get('/api/registry/options', {
    config: { permission: policy.read }, schema: { summary: '台账选项（联络员、工作人员、标签）', tags, response: { 200: RegistryOptionsSchema } },
  }, async (req) => r.lookup.options(currentUser(req)));

  app.post('/api/registry/entities/duplicates', {
    config: { permission: policy.read }, schema: { summary: '查找重复主体', tags, body: DuplicateCheckInputSchema, response: { 200: DuplicateListSchema } },
  }, async (req) => r.lookup.duplicates(currentUser(req), req.body));

  app.post('/api/registry/entities', {
    config: { permission: policy.manage }, schema: { summary: '新建台账主体', errors: ['registry.duplicate', 'registry.invalid_identifier', 'registry.invalid_officers', 'jurisdiction.out_of_scope'], tags, body: EntityInputSchema, response: { 201: EntityViewSchema } },
  }, async (req, reply) => {
    const row = await r.entities.create(currentUser(req), req.body);
    return reply.code(201).send(await view(req, row.id));
  });

  app.get('/api/registry/entities/:id', {
    config: { permission: policy.read }, schema: { summary: '主体档案', tags, params: IdParamsSchema, response: { 200: EntityPageSchema } },
  }, async (req) => r.page.page(currentUser(req), req.params.id, s.clock.now()));

  app.patch('/api/registry/entities/:id', {
    config: { permission: policy.manage }, schema: { summary: '修改主体信息', errors: ['registry.duplicate', 'registry.invalid_identifier', 'registry.invalid_officers', 'registry.invalid_transition'], tags, params: IdParamsSchema, body: EntityUpdateSchema, response: { 200: EntityViewSchema } },
  }, async (req) => { await r.entities.update(currentUser(req), req.params.id, req.body); return view(req, req.params.id); });

  app.post('/api/registry/entities/:id/grade', {
    config: { permission: policy.grade }, schema: { summary: '调整主体分级', errors: ['registry.grade_forbidden', 'registry.invalid_transition'], tags, params: IdParamsSchema, body: GradeInputSchema, response: { 200: EntityViewSchema } },
  }, async (req) => { await r.entities.grade(currentUser(req), req.params.id, req.body.grade, req.body.reason); return view(req, req.params.id); });

  app.post('/api/registry/entities/:id/move', {
    config: { permission: policy.move }, schema: { summary: '迁移主体所属属地', errors: ['registry.invalid_transition', 'jurisdiction.out_of_scope'], tags, params: IdParamsSchema, body: MoveInputSchema, response: { 200: EntityViewSchema } },
  }, async (req) => { await r.entities.move(currentUser(req), req.params.id, req.body.jurisdictionId, req.body.reason); return view(req, req.params.id); });

  app.post('/api/registry/entities/:id/status', {
    config: { permission: policy.manage }, schema: { summary: '注销或恢复主体', errors: ['registry.invalid_transition'], tags, params: IdParamsSchema, body: StatusInputSchema, response: { 200: EntityViewSchema } },
  }, async (req) => { await r.entities.setStatus(currentUser(req), req.params.id, req.body.status, req.body.reason); return view(req, req.params.id); });

  app.post('/api/registry/entities/:id/contact', {
    config: { permission: policy.revealContact }, schema: { summary: '查看主体联系人', tags, params: IdParamsSchema, response: { 200: ContactRevealViewSchema } },
  }, async (req) => r.entities.revealContact(currentUser(req), req.params.id));

  app.get('/api/registry/export', {
    config: { permission: policy.export }, schema: { summary: '导出台账（Excel）', errors: ['jurisdiction.out_of_scope'], tags, querystring: ExportQuerySchema },
  }, async (req, reply) => {
    const { stream, day } = await r.lookup.exportFile(currentUser(req), req.query);
    const name = encodeURIComponent(`属地台账-${day}.xlsx`);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="registry.xlsx"; filename*=UTF-8''${name}`).send(stream);
  });

  app.get('/api/registry/template', {
    config: { permission: policy.manage }, schema: { summary: '下载台账导入模板', tags },
  }, async (_req, reply) => reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="registry-template.xlsx"; filename*=UTF-8''${encodeURIComponent('属地台账导入模板.xlsx')}`)
    .send(await templateXlsx()));
};
