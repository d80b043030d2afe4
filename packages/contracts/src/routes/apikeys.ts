import { z } from 'zod';
import { IdParamsSchema } from '../common';
import { ApiKeyCreateInputSchema, ApiKeyCreatedViewSchema, ApiKeyViewSchema } from '../patrol';
import { defineRoutes } from '../route-table';

const tags = ['api keys 接口密钥'] as const;

export const apiKeysApi = defineRoutes({
  list: { method: 'GET', path: '/api/api-keys', summary: '接口密钥列表', tags, response: { 200: z.object({ items: z.array(ApiKeyViewSchema) }) } },
  create: { method: 'POST', path: '/api/api-keys', summary: '签发接口密钥', tags, body: ApiKeyCreateInputSchema, response: { 201: ApiKeyCreatedViewSchema } },
  revoke: {
    method: 'POST', path: '/api/api-keys/:id/revoke', summary: '吊销接口密钥', tags, errors: ['resource.conflict'],
    params: IdParamsSchema, response: { 200: ApiKeyViewSchema },
  },
});
