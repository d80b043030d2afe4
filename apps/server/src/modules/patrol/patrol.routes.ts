import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParamsSchema, LexiconImportInputSchema, LexiconRuleInputSchema, LexiconRuleListQuerySchema, LexiconRuleUpdateSchema,
  LexiconRuleViewSchema, LexiconVersionViewSchema, PatrolItemListQuerySchema, PatrolItemViewSchema, PatrolPushInputSchema,
  PatrolPushResultSchema, PatrolQueueGroupSchema, PatrolQueueQuerySchema, PatrolReviewInputSchema, PatrolSourceInputSchema,
  PatrolSourceUpdateSchema, PatrolSourceViewSchema, TermCheckInputSchema, TermCheckViewSchema, TermCorrectionInputSchema,
  TermCorrectionViewSchema, listOf,
} from '@tianlang/contracts';
import { xlsxReadOptions } from '../../config';
import { currentUser } from '../../http/auth-hook';
import { AppError, assertThat } from '../../lib/errors';
import type { Services } from '../../services';
import { primaryRole } from '../auth/auth.types';
import { IMPORT_TYPES, parseImport, type ImportType } from './import';
import { patrolPolicy as policy } from './patrol.policy';
import { itemView, ruleView, sourceView, termView } from './patrol.views';

const IMPORT_LIMIT = 20 * 1024 * 1024;
/** A batch is up to 1,000 items; the app-wide JSON limit is for forms, not for content pushes. */
const PUSH_LIMIT = 16 * 1024 * 1024;

export const patrolRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['patrol 巡查'];
  const p = s.patrol;
  app.addContentTypeParser(Object.keys(IMPORT_TYPES), { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));

  // ── review queue ──
  app.get('/api/patrol/queue', {
    config: { permission: policy.readQueue },
    schema: { tags, querystring: PatrolQueueQuerySchema, response: { 200: z.object({ groups: z.array(PatrolQueueGroupSchema) }) } },
  }, async (req) => ({ groups: (await p.review.queue(currentUser(req), req.query.groupBy)).map((g) => ({ ...g, pending: Number(g.pending) })) }));

  app.get('/api/patrol/items', {
    config: { permission: policy.readQueue },
    schema: { tags, querystring: PatrolItemListQuerySchema, response: { 200: listOf(PatrolItemViewSchema) } },
  }, async (req) => {
    const { items, total } = await p.review.list(currentUser(req), req.query);
    return { items: items.map(itemView), total };
  });

  app.get('/api/patrol/items/:id', {
    config: { permission: policy.readQueue },
    schema: { tags, params: IdParamsSchema, response: { 200: PatrolItemViewSchema } },
  }, async (req) => itemView(await p.review.get(currentUser(req), req.params.id)));

  app.post('/api/patrol/items/:id/review', {
    config: { permission: policy.review },
    schema: { tags, params: IdParamsSchema, body: PatrolReviewInputSchema, response: { 200: PatrolItemViewSchema } },
  }, async (req) => itemView(await p.review.review(currentUser(req), req.params.id, req.body)));

  // ── ingestion ──
  app.post('/api/patrol/items', {
    bodyLimit: PUSH_LIMIT,
    config: { permission: policy.ingest },
    schema: { tags, body: PatrolPushInputSchema, response: { 200: PatrolPushResultSchema } },
  }, async (req) => {
    const user = currentUser(req);
    const { source } = await p.sources.get(user, req.body.sourceId);
    assertThat(source.kind === 'manual' || source.kind === 'api', 'patrol.invalid_source', 'staff entry goes to a manual or API source');
    return p.ingest.ingest(source, req.body.items, { actorId: user.id, actorRole: primaryRole(user), via: 'staff' });
  });

  app.post('/api/patrol/push', {
    bodyLimit: PUSH_LIMIT,
    config: { apiKeyScope: 'patrol.push' },
    schema: { tags, body: PatrolPushInputSchema, response: { 200: PatrolPushResultSchema }, security: [{ bearer: [] }] },
  }, async (req) => {
    const source = await p.ingest.sourceById(req.body.sourceId);
    // A key pushes only into its own unit's API sources; anything else does not exist for it.
    if (!source || source.unitId !== req.apiClient!.unitId || source.kind !== 'api') throw new AppError('resource.not_found', 'patrol source not found');
    return p.ingest.ingest(source, req.body.items, { via: `api_key:${req.apiClient!.keyId}` });
  });

  app.post('/api/patrol/sources/:id/import', {
    bodyLimit: IMPORT_LIMIT,
    config: { permission: policy.ingest },
    schema: { tags, params: IdParamsSchema, consumes: Object.keys(IMPORT_TYPES), response: { 200: PatrolPushResultSchema } },
  }, async (req) => {
    const user = currentUser(req);
    const type = IMPORT_TYPES[(req.headers['content-type'] ?? '').split(';')[0]!.trim() as keyof typeof IMPORT_TYPES] as ImportType | undefined;
    if (!type || !Buffer.isBuffer(req.body)) throw new AppError('request.unsupported_media_type', `send ${Object.keys(IMPORT_TYPES).join(', ')}`);
    const { source } = await p.sources.get(user, req.params.id);
    assertThat(source.kind === 'import', 'patrol.invalid_source', 'files are imported into an import source');
    const items = await parseImport(type, req.body, xlsxReadOptions(s.config));
    return p.ingest.ingest(source, items, { actorId: user.id, actorRole: primaryRole(user), via: `import:${type}` });
  });

  // ── sources ──
  app.get('/api/patrol/sources', {
    config: { permission: policy.readQueue },
    schema: { tags, response: { 200: z.object({ items: z.array(PatrolSourceViewSchema) }) } },
  }, async (req) => ({ items: (await p.sources.list(currentUser(req))).map(sourceView) }));

  app.post('/api/patrol/sources', {
    config: { permission: policy.manageSources },
    schema: { tags, body: PatrolSourceInputSchema, response: { 201: PatrolSourceViewSchema } },
  }, async (req, reply) => reply.status(201).send(sourceView(await p.sources.create(currentUser(req), req.body))));

  app.patch('/api/patrol/sources/:id', {
    config: { permission: policy.manageSources },
    schema: { tags, params: IdParamsSchema, body: PatrolSourceUpdateSchema, response: { 200: PatrolSourceViewSchema } },
  }, async (req) => sourceView(await p.sources.update(currentUser(req), req.params.id, req.body)));

  app.post('/api/patrol/sources/:id/poll', {
    config: { permission: policy.manageSources },
    schema: { tags, params: IdParamsSchema, response: { 200: PatrolSourceViewSchema } },
  }, async (req) => {
    const user = currentUser(req);
    const { source } = await p.sources.get(user, req.params.id);
    assertThat(source.kind === 'feed', 'patrol.invalid_source', 'only feeds are polled');
    await p.sources.pollFeed(source);
    return sourceView(await p.sources.get(user, source.id));
  });

  // ── lexicon ──
  app.get('/api/patrol/rules', {
    config: { permission: policy.readLexicon, settings: 'lexicon' },
    schema: { tags, querystring: LexiconRuleListQuerySchema, response: { 200: listOf(LexiconRuleViewSchema) } },
  }, async (req) => {
    const { items, total } = await p.lexicon.list(req.query);
    return { items: items.map(ruleView), total };
  });

  app.post('/api/patrol/rules', {
    config: { permission: policy.manageLexicon, settings: 'lexicon' },
    schema: { tags, body: LexiconRuleInputSchema, response: { 201: LexiconRuleViewSchema } },
  }, async (req, reply) => reply.status(201).send(ruleView(await p.lexicon.create(currentUser(req), req.body))));

  app.patch('/api/patrol/rules/:id', {
    config: { permission: policy.manageLexicon, settings: 'lexicon' },
    schema: { tags, params: IdParamsSchema, body: LexiconRuleUpdateSchema, response: { 200: LexiconRuleViewSchema } },
  }, async (req) => ruleView(await p.lexicon.update(currentUser(req), req.params.id, req.body)));

  app.post('/api/patrol/rules/import', {
    config: { permission: policy.manageLexicon, settings: 'lexicon' },
    schema: {
      tags, body: LexiconImportInputSchema,
      response: { 200: z.object({ added: z.number(), changed: z.number(), deactivated: z.number(), note: z.string().optional() }) },
    },
  }, async (req) => p.lexicon.importFile(currentUser(req), req.body.content, req.body.note));

  app.get('/api/patrol/lexicon/versions', {
    config: { permission: policy.readLexicon, settings: 'lexicon' },
    schema: { tags, response: { 200: z.object({ items: z.array(LexiconVersionViewSchema) }) } },
  }, async () => ({
    items: (await p.lexicon.versions(100)).map(({ v, actorName }) => ({
      version: v.version, actorName, summary: v.summary, ruleCount: v.ruleCount, createdAt: v.createdAt.toISOString(),
    })),
  }));

  // ── 不规范表述 ──
  app.get('/api/patrol/terms', {
    config: { permission: policy.checkTerms, settings: 'terms' },
    schema: { tags, response: { 200: z.object({ items: z.array(TermCorrectionViewSchema) }) } },
  }, async () => ({ items: (await p.terms.list()).map(termView) }));

  app.post('/api/patrol/terms', {
    config: { permission: policy.manageTerms, settings: 'terms' },
    schema: { tags, body: TermCorrectionInputSchema, response: { 201: TermCorrectionViewSchema } },
  }, async (req, reply) => reply.status(201).send(termView(await p.terms.create(currentUser(req), req.body))));

  app.patch('/api/patrol/terms/:id', {
    config: { permission: policy.manageTerms, settings: 'terms' },
    schema: { tags, params: IdParamsSchema, body: z.strictObject({ active: z.boolean() }), response: { 200: TermCorrectionViewSchema } },
  }, async (req) => termView(await p.terms.setActive(currentUser(req), req.params.id, req.body.active)));

  app.post('/api/patrol/terms/check', {
    config: { permission: policy.checkTerms },
    schema: { tags, body: TermCheckInputSchema, response: { 200: TermCheckViewSchema } },
  }, async (req) => ({ suggestions: await p.terms.check(req.body.text) }));
};
