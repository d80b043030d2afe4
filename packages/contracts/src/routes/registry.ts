import { IdParamsSchema } from '../common';
import {
  ContactRevealViewSchema, DuplicateCheckInputSchema, DuplicateListSchema, EntityInputSchema, EntityListSchema, EntityPageSchema, EntityQuerySchema,
  EntityUpdateSchema, EntityViewSchema, ExportQuerySchema, GradeInputSchema, MoveInputSchema, RegistryOptionsSchema, StatusInputSchema,
} from '../registry';
import { defineRoutes } from '../route-table';

const tags = ['registry 属地台账'] as const;

/** Entities: list and search, duplicates, create, edit, grade, move, close/reopen, contact reveal, page, export. */
export const registryApi = defineRoutes({
  entities: {
    method: 'GET', path: '/api/registry/entities', summary: '台账主体列表', errors: ['jurisdiction.out_of_scope'], tags,
    query: EntityQuerySchema, response: { 200: EntityListSchema },
  },
  options: { method: 'GET', path: '/api/registry/options', summary: '台账选项（联络员、工作人员、标签）', tags, response: { 200: RegistryOptionsSchema } },
  duplicates: {
    method: 'POST', path: '/api/registry/entities/duplicates', summary: '查找重复主体', tags,
    body: DuplicateCheckInputSchema, response: { 200: DuplicateListSchema },
  },
  create: {
    method: 'POST', path: '/api/registry/entities', summary: '新建台账主体',
    errors: ['registry.duplicate', 'registry.invalid_identifier', 'registry.invalid_officers', 'jurisdiction.out_of_scope'], tags,
    body: EntityInputSchema, response: { 201: EntityViewSchema },
  },
  page: { method: 'GET', path: '/api/registry/entities/:id', summary: '主体档案', tags, params: IdParamsSchema, response: { 200: EntityPageSchema } },
  update: {
    method: 'PATCH', path: '/api/registry/entities/:id', summary: '修改主体信息',
    errors: ['registry.duplicate', 'registry.invalid_identifier', 'registry.invalid_officers', 'registry.invalid_transition'], tags,
    params: IdParamsSchema, body: EntityUpdateSchema, response: { 200: EntityViewSchema },
  },
  grade: {
    method: 'POST', path: '/api/registry/entities/:id/grade', summary: '调整主体分级', errors: ['registry.grade_forbidden', 'registry.invalid_transition'], tags,
    params: IdParamsSchema, body: GradeInputSchema, response: { 200: EntityViewSchema },
  },
  move: {
    method: 'POST', path: '/api/registry/entities/:id/move', summary: '迁移主体所属属地', errors: ['registry.invalid_transition', 'jurisdiction.out_of_scope'], tags,
    params: IdParamsSchema, body: MoveInputSchema, response: { 200: EntityViewSchema },
  },
  status: {
    method: 'POST', path: '/api/registry/entities/:id/status', summary: '注销或恢复主体', errors: ['registry.invalid_transition'], tags,
    params: IdParamsSchema, body: StatusInputSchema, response: { 200: EntityViewSchema },
  },
  contact: { method: 'POST', path: '/api/registry/entities/:id/contact', summary: '查看主体联系人', tags, params: IdParamsSchema, response: { 200: ContactRevealViewSchema } },
  export: { method: 'GET', path: '/api/registry/export', summary: '导出台账（Excel）', errors: ['jurisdiction.out_of_scope'], tags, query: ExportQuerySchema, file: true },
  template: { method: 'GET', path: '/api/registry/template', summary: '下载台账导入模板', tags, file: true },
});
