import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ContactRevealViewSchema, DuplicateCheckInputSchema, DuplicateListSchema, EntityInputSchema, EntityListSchema, EntityPageSchema, EntityQuerySchema,
  EntityUpdateSchema, EntityViewSchema, ExportQuerySchema, GradeInputSchema, IdParamsSchema, MoveInputSchema, RegistryOptionsSchema, StatusInputSchema,
  type EntityView,
} from '@tianlang/contracts';
import { normalizeAccountId, entityCanonicalUrl, normalizeIcp } from '@tianlang/core';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import { exportXlsx, parseColumns, templateXlsx } from './export';
import { registryPolicy as policy } from './registry.policy';
import { officersIn } from './officers';
import { findDuplicates, visibleDuplicates, listByIds, listEntities, tagsInUse } from './registry.repo';
import { entityListItemView } from './registry.views';

/** Entities: list and search, duplicates, create, edit, grade, move, close/reopen, contact reveal, page, export. */
export const registryRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['registry 属地台账'];
  const r = s.registry;
  const view = (req: { auth: unknown }, id: string): Promise<EntityView> => r.page.view(currentUser(req as never), id);

  app.get('/api/registry/entities', {
    config: { permission: policy.read }, schema: { summary: '台账主体列表', errors: ['jurisdiction.out_of_scope'], tags, querystring: EntityQuerySchema, response: { 200: EntityListSchema } },
  }, async (req) => {
    const { rows, total } = await listEntities(s.db, currentUser(req), req.query);
    return { items: rows.map(entityListItemView), total };
  });

  app.get('/api/registry/options', {
    config: { permission: policy.read }, schema: { summary: '台账选项（联络员、工作人员、标签）', tags, response: { 200: RegistryOptionsSchema } },
  }, async (req) => {
    const user = currentUser(req);
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
    const [officers, staff, tagList] = await Promise.all([
      officersIn(s.db, user, null), officersIn(s.db, user, null, 'registry.read'), tagsInUse(s.db, user.scopePath),
    ]);
    return {
      officers: officers.map(({ id, name }) => ({ id, name })).sort(byName),
      staff: staff.map(({ id, name }) => ({ id, name })).sort(byName),
      tags: tagList,
    };
  });

  app.post('/api/registry/entities/duplicates', {
    config: { permission: policy.read }, schema: { summary: '查找重复主体', tags, body: DuplicateCheckInputSchema, response: { 200: DuplicateListSchema } },
  }, async (req) => {
    const user = currentUser(req);
    const b = req.body;
    const hits = visibleDuplicates(user.scopePath, await findDuplicates(s.db, {
      name: b.name, type: b.type, excludeId: b.excludeId, icpNo: b.icpNo ? normalizeIcp(b.icpNo) : null,
      canonicalUrl: b.url ? entityCanonicalUrl(b.url) : null, accountId: b.accountId ? normalizeAccountId(b.accountId) : null, scopePath: user.scopePath,
    }));
    const shown = new Map((await listByIds(s.db, hits.flatMap((h) => (h.id ? [h.id] : [])))).map((x) => [x.e.id, x]));
    return { items: hits.map((h) => ({ entity: h.id && shown.has(h.id) ? entityListItemView(shown.get(h.id)!) : null, reasons: h.reasons, similarity: h.similarity })) };
  });

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
    const { columns, ...filter } = req.query;
    const stream = await exportXlsx(s.db, currentUser(req), filter, parseColumns(columns), s.clock.now(), randomUUID());
    const name = encodeURIComponent(`属地台账-${s.clock.now().toISOString().slice(0, 10)}.xlsx`);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="registry.xlsx"; filename*=UTF-8''${name}`).send(stream);
  });

  app.get('/api/registry/template', {
    config: { permission: policy.manage }, schema: { summary: '下载台账导入模板', tags },
  }, async (_req, reply) => reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="registry-template.xlsx"; filename*=UTF-8''${encodeURIComponent('属地台账导入模板.xlsx')}`)
    .send(await templateXlsx()));
};
