import { z } from 'zod';
import { IdParamsSchema } from '../common';
import { JurisdictionCreateInputSchema, JurisdictionUpdateInputSchema, JurisdictionViewSchema } from '../admin';
import { defineRoutes } from '../route-table';

const tags = ['jurisdictions 属地'] as const;

export const jurisdictionsApi = defineRoutes({
  list: { method: 'GET', path: '/api/jurisdictions', summary: '属地列表', tags, response: { 200: z.object({ items: z.array(JurisdictionViewSchema) }) } },
  get: { method: 'GET', path: '/api/jurisdictions/:id', summary: '属地详情', tags, params: IdParamsSchema, response: { 200: JurisdictionViewSchema } },
  create: {
    method: 'POST', path: '/api/jurisdictions', summary: '新建属地', tags,
    errors: ['jurisdiction.invalid_parent', 'jurisdiction.out_of_scope', 'resource.conflict'],
    body: JurisdictionCreateInputSchema, response: { 201: JurisdictionViewSchema },
  },
  update: {
    method: 'PATCH', path: '/api/jurisdictions/:id', summary: '修改属地', tags,
    errors: ['jurisdiction.has_children', 'jurisdiction.out_of_scope', 'resource.conflict'],
    params: IdParamsSchema, body: JurisdictionUpdateInputSchema, response: { 200: JurisdictionViewSchema },
  },
});
