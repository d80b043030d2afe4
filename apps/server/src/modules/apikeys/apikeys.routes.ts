import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiKeyCreateInputSchema, ApiKeyCreatedViewSchema, ApiKeyViewSchema, IdParamsSchema, type ApiKeyScope } from '@tianlang/contracts';
import type { ApiKeyRow } from '../../db/schema';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';

const policy = { manage: 'admin.apikeys.manage' } as const;

const view = (r: { key: ApiKeyRow; unitName: string }) => ({
  id: r.key.id, unitId: r.key.unitId, unitName: r.unitName, name: r.key.name, prefix: r.key.prefix,
  scopes: r.key.scopes as ApiKeyScope[], createdAt: r.key.createdAt.toISOString(),
  lastUsedAt: r.key.lastUsedAt?.toISOString() ?? null, revokedAt: r.key.revokedAt?.toISOString() ?? null,
});

export const apiKeysRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['api keys 接口密钥'];
  app.get('/api/api-keys', {
    config: { permission: policy.manage },
    schema: { summary: '接口密钥列表', tags, response: { 200: z.object({ items: z.array(ApiKeyViewSchema) }) } },
  }, async (req) => ({ items: (await s.apiKeys.list(currentUser(req))).map(view) }));

  app.post('/api/api-keys', {
    config: { permission: policy.manage },
    schema: { summary: '签发接口密钥', tags, body: ApiKeyCreateInputSchema, response: { 201: ApiKeyCreatedViewSchema } },
  }, async (req, reply) => {
    const created = await s.apiKeys.create(currentUser(req), req.body);
    return reply.status(201).send({ ...view(created), secret: created.secret });
  });

  app.post('/api/api-keys/:id/revoke', {
    config: { permission: policy.manage },
    schema: { summary: '吊销接口密钥', errors: ['resource.conflict'], tags, params: IdParamsSchema, response: { 200: ApiKeyViewSchema } },
  }, async (req) => view(await s.apiKeys.revoke(currentUser(req), req.params.id)));
};
