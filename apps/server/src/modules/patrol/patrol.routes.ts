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

/** What a platform engineer reads in /api/docs before integrating the push. */
const PATROL_PUSH_DOC = `供巡查系统、舆情服务商等把抓取到的网上内容推送进本办的巡查来源。内容按当前词库自动扫描，命中的进入研判队列。

**认证**：请求头 \`Authorization: Bearer tl_…\`。接口密钥由本办管理员为贵单位签发，须带有 \`patrol.push\` 权限范围；密钥无效或已吊销返回 401 \`apikey.invalid\`，缺少该权限范围返回 403 \`auth.forbidden\`。\`sourceId\` 是本办为贵单位建立的「接口推送」类巡查来源的编号；不是密钥所属单位的接口推送来源时返回 404 \`resource.not_found\`。

**幂等**：\`externalId\`（1–200 字符，贵方系统内的内容编号）在同一来源内唯一。已收到过的条目（包括同一批内重复的）不再入库，计入 \`duplicates\`。超时、断线或收到 5xx 后，可把整批原样重试。

**限制**：\`Content-Type: application/json\`，请求体不超过 ${PUSH_LIMIT / 1024 / 1024} MB（否则 413 \`request.too_large\`），每批 1–1000 条。每条：\`text\` 正文 1–100000 字（必填）；\`title\` 至多 500 字；\`author\` 至多 200 字；\`url\` 为 http(s) 地址；\`publishedAt\` 为带时区的 ISO 8601 时间。整批不符合格式时返回 400 \`request.invalid\`，\`details.issues\` 指出位置，一条也不写入。

**结果**：\`received\` 收到的条数，\`created\` 新入库的条数，\`duplicates\` 重复未入库的条数，\`withHits\` 新入库且命中词库的条数。

请求体示例见下方 Request body 的 Example Value。`;

/** The example body the document shows. */
const PATROL_PUSH_EXAMPLE = {
  sourceId: '0b7f6a52-3c1e-4d8a-9f2b-6e4c1a9d5b30',
  items: [
    {
      externalId: 'post-88213',
      url: 'https://example.com/post/88213',
      author: '某某账号',
      publishedAt: '2026-12-06T08:30:00+08:00',
      title: '网传某地化工厂爆炸',
      text: '网传视频称某地化工厂今晨爆炸，多人伤亡……',
    },
  ],
};

export const patrolRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['patrol 巡查'];
  const p = s.patrol;
  app.addContentTypeParser(Object.keys(IMPORT_TYPES), { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));

  // ── review queue ──
  app.get('/api/patrol/queue', {
    config: { permission: policy.readQueue },
    schema: { summary: '研判队列（分组计数）', tags, querystring: PatrolQueueQuerySchema, response: { 200: z.object({ groups: z.array(PatrolQueueGroupSchema) }) } },
  }, async (req) => ({ groups: (await p.review.queue(currentUser(req), req.query.groupBy)).map((g) => ({ ...g, pending: Number(g.pending) })) }));

  app.get('/api/patrol/items', {
    config: { permission: policy.readQueue },
    schema: { summary: '巡查内容列表', tags, querystring: PatrolItemListQuerySchema, response: { 200: listOf(PatrolItemViewSchema) } },
  }, async (req) => {
    const { items, total } = await p.review.list(currentUser(req), req.query);
    return { items: items.map(itemView), total };
  });

  app.get('/api/patrol/items/:id', {
    config: { permission: policy.readQueue },
    schema: { summary: '巡查内容详情', tags, params: IdParamsSchema, response: { 200: PatrolItemViewSchema } },
  }, async (req) => itemView(await p.review.get(currentUser(req), req.params.id)));

  app.post('/api/patrol/items/:id/review', {
    config: { permission: policy.review },
    schema: { summary: '研判巡查内容', errors: ['patrol.already_reviewed'], tags, params: IdParamsSchema, body: PatrolReviewInputSchema, response: { 200: PatrolItemViewSchema } },
  }, async (req) => itemView(await p.review.review(currentUser(req), req.params.id, req.body)));

  // ── ingestion ──
  app.post('/api/patrol/items', {
    bodyLimit: PUSH_LIMIT,
    config: { permission: policy.ingest },
    schema: { summary: '人工录入巡查内容', errors: ['patrol.invalid_source', 'resource.not_found'], tags, body: PatrolPushInputSchema, response: { 200: PatrolPushResultSchema } },
  }, async (req) => {
    const user = currentUser(req);
    const { source } = await p.sources.get(user, req.body.sourceId);
    assertThat(source.kind === 'manual' || source.kind === 'api', 'patrol.invalid_source', 'staff entry goes to a manual or API source');
    return p.ingest.ingest(source, req.body.items, { actorId: user.id, actorRole: primaryRole(user), via: 'staff' });
  });

  app.post('/api/patrol/push', {
    bodyLimit: PUSH_LIMIT,
    config: { apiKeyScope: 'patrol.push' },
    schema: {
      summary: '平台推送巡查内容', description: PATROL_PUSH_DOC, bodyExample: PATROL_PUSH_EXAMPLE, errors: ['resource.not_found'], tags: ['partner 平台对接', ...tags],
      body: PatrolPushInputSchema, response: { 200: PatrolPushResultSchema },
    },
  }, async (req) => {
    const source = await p.ingest.sourceById(req.body.sourceId);
    // A key pushes only into its own unit's API sources; anything else does not exist for it.
    if (!source || source.unitId !== req.apiClient!.unitId || source.kind !== 'api') throw new AppError('resource.not_found', 'patrol source not found');
    return p.ingest.ingest(source, req.body.items, { via: `api_key:${req.apiClient!.keyId}` });
  });

  app.post('/api/patrol/sources/:id/import', {
    bodyLimit: IMPORT_LIMIT,
    config: { permission: policy.ingest },
    schema: { summary: '导入巡查内容文件', errors: ['patrol.invalid_source', 'patrol.invalid_import', 'import.too_large'], tags, params: IdParamsSchema, consumes: Object.keys(IMPORT_TYPES), response: { 200: PatrolPushResultSchema } },
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
    schema: { summary: '巡查来源列表', tags, response: { 200: z.object({ items: z.array(PatrolSourceViewSchema) }) } },
  }, async (req) => ({ items: (await p.sources.list(currentUser(req))).map(sourceView) }));

  app.post('/api/patrol/sources', {
    config: { permission: policy.manageSources },
    schema: { summary: '新建巡查来源', errors: ['patrol.invalid_source'], tags, body: PatrolSourceInputSchema, response: { 201: PatrolSourceViewSchema } },
  }, async (req, reply) => reply.status(201).send(sourceView(await p.sources.create(currentUser(req), req.body))));

  app.patch('/api/patrol/sources/:id', {
    config: { permission: policy.manageSources },
    schema: { summary: '修改巡查来源', errors: ['patrol.invalid_source'], tags, params: IdParamsSchema, body: PatrolSourceUpdateSchema, response: { 200: PatrolSourceViewSchema } },
  }, async (req) => sourceView(await p.sources.update(currentUser(req), req.params.id, req.body)));

  app.post('/api/patrol/sources/:id/poll', {
    config: { permission: policy.manageSources },
    schema: { summary: '立即抓取订阅源', errors: ['patrol.invalid_source', 'patrol.feed_unreadable', 'fetch.refused', 'fetch.failed', 'fetch.too_large'], tags, params: IdParamsSchema, response: { 200: PatrolSourceViewSchema } },
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
    schema: { summary: '词库规则列表', tags, querystring: LexiconRuleListQuerySchema, response: { 200: listOf(LexiconRuleViewSchema) } },
  }, async (req) => {
    const { items, total } = await p.lexicon.list(req.query);
    return { items: items.map(ruleView), total };
  });

  app.post('/api/patrol/rules', {
    config: { permission: policy.manageLexicon, settings: 'lexicon' },
    schema: { summary: '新增词库规则', errors: ['lexicon.invalid_rule', 'resource.conflict'], tags, body: LexiconRuleInputSchema, response: { 201: LexiconRuleViewSchema } },
  }, async (req, reply) => reply.status(201).send(ruleView(await p.lexicon.create(currentUser(req), req.body))));

  app.patch('/api/patrol/rules/:id', {
    config: { permission: policy.manageLexicon, settings: 'lexicon' },
    schema: { summary: '修改词库规则', errors: ['lexicon.invalid_rule'], tags, params: IdParamsSchema, body: LexiconRuleUpdateSchema, response: { 200: LexiconRuleViewSchema } },
  }, async (req) => ruleView(await p.lexicon.update(currentUser(req), req.params.id, req.body)));

  app.post('/api/patrol/rules/import', {
    config: { permission: policy.manageLexicon, settings: 'lexicon' },
    schema: {
      summary: '导入词库', errors: ['lexicon.invalid_file'],
      tags, body: LexiconImportInputSchema,
      response: { 200: z.object({ added: z.number(), changed: z.number(), deactivated: z.number(), note: z.string().optional() }) },
    },
  }, async (req) => p.lexicon.importFile(currentUser(req), req.body.content, req.body.note));

  app.get('/api/patrol/lexicon/versions', {
    config: { permission: policy.readLexicon, settings: 'lexicon' },
    schema: { summary: '词库版本记录', tags, response: { 200: z.object({ items: z.array(LexiconVersionViewSchema) }) } },
  }, async () => ({
    items: (await p.lexicon.versions(100)).map(({ v, actorName }) => ({
      version: v.version, actorName, summary: v.summary, ruleCount: v.ruleCount, createdAt: v.createdAt.toISOString(),
    })),
  }));

  // ── 不规范表述 ──
  app.get('/api/patrol/terms', {
    config: { permission: policy.checkTerms, settings: 'terms' },
    schema: { summary: '规范用语列表', tags, response: { 200: z.object({ items: z.array(TermCorrectionViewSchema) }) } },
  }, async () => ({ items: (await p.terms.list()).map(termView) }));

  app.post('/api/patrol/terms', {
    config: { permission: policy.manageTerms, settings: 'terms' },
    schema: { summary: '新增规范用语', errors: ['resource.conflict'], tags, body: TermCorrectionInputSchema, response: { 201: TermCorrectionViewSchema } },
  }, async (req, reply) => reply.status(201).send(termView(await p.terms.create(currentUser(req), req.body))));

  app.patch('/api/patrol/terms/:id', {
    config: { permission: policy.manageTerms, settings: 'terms' },
    schema: { summary: '启用或停用规范用语', tags, params: IdParamsSchema, body: z.strictObject({ active: z.boolean() }), response: { 200: TermCorrectionViewSchema } },
  }, async (req) => termView(await p.terms.setActive(currentUser(req), req.params.id, req.body.active)));

  app.post('/api/patrol/terms/check', {
    config: { permission: policy.checkTerms },
    schema: { summary: '检查文本中的不规范用语', tags, body: TermCheckInputSchema, response: { 200: TermCheckViewSchema } },
  }, async (req) => ({ suggestions: await p.terms.check(req.body.text) }));
};
