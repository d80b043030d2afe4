import type { FastifyPluginAsync } from 'fastify';
import { PATROL_IMPORT_MAX_BYTES, PATROL_PUSH_MAX_BYTES, patrolApi as api } from '@tianlang/contracts';
import { xlsxReadOptions } from '../../config';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import { AppError, assertThat } from '../../lib/errors';
import type { Services } from '../../services';
import { primaryRole } from '../auth/auth.types';
import { IMPORT_TYPES, parseImport, type ImportType } from './import';
import { patrolPolicy as policy } from './patrol.policy';
import { itemView, ruleView, sourceView, termView } from './patrol.views';

export const patrolRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const p = s.patrol;
  app.addContentTypeParser(Object.keys(IMPORT_TYPES), { parseAs: 'buffer', bodyLimit: PATROL_IMPORT_MAX_BYTES }, (_req, body, done) => done(null, body));

  // ── review queue ──
  mount(app, api.queue, { config: { permission: policy.readQueue } },
    async (req) => ({ groups: (await p.review.queue(currentUser(req), req.query.groupBy)).map((g) => ({ ...g, pending: Number(g.pending) })) }));

  mount(app, api.items, { config: { permission: policy.readQueue } }, async (req) => {
    const { items, total } = await p.review.list(currentUser(req), req.query);
    return { items: items.map(itemView), total };
  });

  mount(app, api.item, { config: { permission: policy.readQueue } }, async (req) => itemView(await p.review.get(currentUser(req), req.params.id)));

  mount(app, api.review, { config: { permission: policy.review } },
    async (req) => itemView(await p.review.review(currentUser(req), req.params.id, req.body)));

  // ── ingestion ──
  mount(app, api.enter, { bodyLimit: PATROL_PUSH_MAX_BYTES, config: { permission: policy.ingest } }, async (req) => {
    const user = currentUser(req);
    const { source } = await p.sources.get(user, req.body.sourceId);
    assertThat(source.kind === 'manual' || source.kind === 'api', 'patrol.invalid_source', 'staff entry goes to a manual or API source');
    return p.ingest.ingest(source, req.body.items, { actorId: user.id, actorRole: primaryRole(user), via: 'staff' });
  });

  mount(app, api.push, { bodyLimit: PATROL_PUSH_MAX_BYTES, config: { apiKeyScope: 'patrol.push' } }, async (req) => {
    const source = await p.ingest.sourceById(req.body.sourceId);
    // A key pushes only into its own unit's API sources; anything else does not exist for it.
    if (!source || source.unitId !== req.apiClient!.unitId || source.kind !== 'api') throw new AppError('resource.not_found', 'patrol source not found');
    return p.ingest.ingest(source, req.body.items, { via: `api_key:${req.apiClient!.keyId}` });
  });

  mount(app, api.importFile, { bodyLimit: PATROL_IMPORT_MAX_BYTES, config: { permission: policy.ingest } }, async (req) => {
    const user = currentUser(req);
    const file: unknown = req.body;
    const type = IMPORT_TYPES[(req.headers['content-type'] ?? '').split(';')[0]!.trim() as keyof typeof IMPORT_TYPES] as ImportType | undefined;
    if (!type || !Buffer.isBuffer(file)) throw new AppError('request.unsupported_media_type', `send ${Object.keys(IMPORT_TYPES).join(', ')}`);
    const { source } = await p.sources.get(user, req.params.id);
    assertThat(source.kind === 'import', 'patrol.invalid_source', 'files are imported into an import source');
    const items = await parseImport(type, file, xlsxReadOptions(s.config));
    return p.ingest.ingest(source, items, { actorId: user.id, actorRole: primaryRole(user), via: `import:${type}` });
  });

  // ── sources ──
  mount(app, api.sources, { config: { permission: policy.readQueue } }, async (req) => ({ items: (await p.sources.list(currentUser(req))).map(sourceView) }));

  mount(app, api.createSource, { config: { permission: policy.manageSources } },
    async (req, reply) => reply.status(201).send(sourceView(await p.sources.create(currentUser(req), req.body))));

  mount(app, api.updateSource, { config: { permission: policy.manageSources } },
    async (req) => sourceView(await p.sources.update(currentUser(req), req.params.id, req.body)));

  mount(app, api.pollSource, { config: { permission: policy.manageSources } }, async (req) => {
    const user = currentUser(req);
    const { source } = await p.sources.get(user, req.params.id);
    assertThat(source.kind === 'feed', 'patrol.invalid_source', 'only feeds are polled');
    await p.sources.pollFeed(source);
    return sourceView(await p.sources.get(user, source.id));
  });

  // ── lexicon ──
  mount(app, api.rules, { config: { permission: policy.readLexicon, settings: 'lexicon' } }, async (req) => {
    const { items, total } = await p.lexicon.list(req.query);
    return { items: items.map(ruleView), total };
  });

  mount(app, api.createRule, { config: { permission: policy.manageLexicon, settings: 'lexicon' } },
    async (req, reply) => reply.status(201).send(ruleView(await p.lexicon.create(currentUser(req), req.body))));

  mount(app, api.updateRule, { config: { permission: policy.manageLexicon, settings: 'lexicon' } },
    async (req) => ruleView(await p.lexicon.update(currentUser(req), req.params.id, req.body)));

  mount(app, api.importRules, { config: { permission: policy.manageLexicon, settings: 'lexicon' } },
    async (req) => p.lexicon.importFile(currentUser(req), req.body.content, req.body.note));

  mount(app, api.lexiconVersions, { config: { permission: policy.readLexicon, settings: 'lexicon' } }, async () => ({
    items: (await p.lexicon.versions(100)).map(({ v, actorName }) => ({
      version: v.version, actorName, summary: v.summary, ruleCount: v.ruleCount, createdAt: v.createdAt.toISOString(),
    })),
  }));

  // ── 不规范表述 ──
  mount(app, api.terms, { config: { permission: policy.checkTerms, settings: 'terms' } }, async () => ({ items: (await p.terms.list()).map(termView) }));

  mount(app, api.createTerm, { config: { permission: policy.manageTerms, settings: 'terms' } },
    async (req, reply) => reply.status(201).send(termView(await p.terms.create(currentUser(req), req.body))));

  mount(app, api.setTermActive, { config: { permission: policy.manageTerms, settings: 'terms' } },
    async (req) => termView(await p.terms.setActive(currentUser(req), req.params.id, req.body.active)));

  mount(app, api.checkTerms, { config: { permission: policy.checkTerms } }, async (req) => ({ suggestions: await p.terms.check(req.body.text) }));
};
