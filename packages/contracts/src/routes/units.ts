import { IdParamsSchema, listOf } from '../common';
import { UnitCreateInputSchema, UnitListQuerySchema, UnitUpdateInputSchema, UnitViewSchema } from '../admin';
import { defineRoutes } from '../route-table';

const tags = ['units 单位'] as const;

export const unitsApi = defineRoutes({
  list: { method: 'GET', path: '/api/units', summary: '单位列表', tags, query: UnitListQuerySchema, response: { 200: listOf(UnitViewSchema) } },
  get: { method: 'GET', path: '/api/units/:id', summary: '单位详情', tags, params: IdParamsSchema, response: { 200: UnitViewSchema } },
  create: {
    method: 'POST', path: '/api/units', summary: '新建单位', tags, errors: ['resource.conflict'],
    body: UnitCreateInputSchema, response: { 201: UnitViewSchema },
  },
  update: {
    method: 'PATCH', path: '/api/units/:id', summary: '修改单位', tags, errors: ['resource.conflict', 'user.cannot_modify_self'],
    params: IdParamsSchema, body: UnitUpdateInputSchema, response: { 200: UnitViewSchema },
  },
});
