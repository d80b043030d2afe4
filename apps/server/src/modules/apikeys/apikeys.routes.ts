import type { FastifyPluginAsync } from 'fastify';
import { apiKeysApi as api, type ApiKeyScope } from '@tianlang/contracts';
import type { ApiKeyRow } from '../../db/schema';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';

const policy = { manage: 'admin.apikeys.manage' } as const;

const view = (r: { key: ApiKeyRow; unitName: string }) => ({
  id: r.key.id, unitId: r.key.unitId, unitName: r.unitName, name: r.key.name, prefix: r.key.prefix,
  scopes: r.key.scopes as ApiKeyScope[], createdAt: r.key.createdAt.toISOString(),
  lastUsedAt: r.key.lastUsedAt?.toISOString() ?? null, revokedAt: r.key.revokedAt?.toISOString() ?? null,
});

export const apiKeysRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  mount(app, api.list, { config: { permission: policy.manage } }, async (req) => ({ items: (await s.apiKeys.list(currentUser(req))).map(view) }));
  mount(app, api.create, { config: { permission: policy.manage } }, async (req, reply) => {
    const created = await s.apiKeys.create(currentUser(req), req.body);
    return reply.status(201).send({ ...view(created), secret: created.secret });
  });
  mount(app, api.revoke, { config: { permission: policy.manage } }, async (req) => view(await s.apiKeys.revoke(currentUser(req), req.params.id)));
};
