import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { registryApi as api, type EntityView } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';
import { templateXlsx } from './export';
import { registryPolicy as policy } from './registry.policy';

/** Entities: list and search, duplicates, create, edit, grade, move, close/reopen, contact reveal, page, export. */
export const registryRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const r = s.registry;
  const view = (req: FastifyRequest, id: string): Promise<EntityView> => r.page.view(currentUser(req), id);

  mount(app, api.entities, { config: { permission: policy.read } }, async (req) => r.lookup.list(currentUser(req), req.query));

  mount(app, api.options, { config: { permission: policy.read } }, async (req) => r.lookup.options(currentUser(req)));

  mount(app, api.duplicates, { config: { permission: policy.read } }, async (req) => r.lookup.duplicates(currentUser(req), req.body));

  mount(app, api.create, { config: { permission: policy.manage } }, async (req, reply) => {
    const row = await r.entities.create(currentUser(req), req.body);
    return reply.code(201).send(await view(req, row.id));
  });

  mount(app, api.page, { config: { permission: policy.read } }, async (req) => r.page.page(currentUser(req), req.params.id, s.clock.now()));

  mount(app, api.update, { config: { permission: policy.manage } },
    async (req) => { await r.entities.update(currentUser(req), req.params.id, req.body); return view(req, req.params.id); });

  mount(app, api.grade, { config: { permission: policy.grade } },
    async (req) => { await r.entities.grade(currentUser(req), req.params.id, req.body.grade, req.body.reason); return view(req, req.params.id); });

  mount(app, api.move, { config: { permission: policy.move } },
    async (req) => { await r.entities.move(currentUser(req), req.params.id, req.body.jurisdictionId, req.body.reason); return view(req, req.params.id); });

  mount(app, api.status, { config: { permission: policy.manage } },
    async (req) => { await r.entities.setStatus(currentUser(req), req.params.id, req.body.status, req.body.reason); return view(req, req.params.id); });

  mount(app, api.contact, { config: { permission: policy.revealContact } }, async (req) => r.entities.revealContact(currentUser(req), req.params.id));

  mount(app, api.export, { config: { permission: policy.export } }, async (req, reply) => {
    const { stream, day } = await r.lookup.exportFile(currentUser(req), req.query);
    const name = encodeURIComponent(`属地台账-${day}.xlsx`);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="registry.xlsx"; filename*=UTF-8''${name}`).send(stream);
  });

  mount(app, api.template, { config: { permission: policy.manage } }, async (_req, reply) => reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="registry-template.xlsx"; filename*=UTF-8''${encodeURIComponent('属地台账导入模板.xlsx')}`)
    .send(await templateXlsx()));
};
