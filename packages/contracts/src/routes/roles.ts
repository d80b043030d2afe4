import { z } from 'zod';
import { IdParamsSchema } from '../common';
import { RoleCreateInputSchema, RoleUpdateInputSchema, RoleViewSchema } from '../admin';
import { PERMISSIONS } from '../permissions';
import { defineRoutes } from '../route-table';

const tags = ['roles 角色权限'] as const;

export const rolesApi = defineRoutes({
  list: { method: 'GET', path: '/api/roles', summary: '角色列表', tags, response: { 200: z.object({ items: z.array(RoleViewSchema) }) } },
  permissions: { method: 'GET', path: '/api/permissions', summary: '权限列表', tags, response: { 200: z.object({ items: z.array(z.enum(PERMISSIONS)) }) } },
  create: {
    method: 'POST', path: '/api/roles', summary: '新建角色', tags, errors: ['resource.conflict', 'role.unknown_permission'],
    body: RoleCreateInputSchema, response: { 201: RoleViewSchema },
  },
  update: {
    method: 'PATCH', path: '/api/roles/:id', summary: '修改角色', tags, errors: ['role.builtin_locked', 'role.unknown_permission'],
    params: IdParamsSchema, body: RoleUpdateInputSchema, response: { 200: RoleViewSchema },
  },
});
