import { IdParamsSchema, listOf } from '../common';
import {
  LexiconImportInputSchema, LexiconImportSummarySchema, LexiconRuleInputSchema, LexiconRuleListQuerySchema, LexiconRuleUpdateSchema,
  LexiconRuleViewSchema, LexiconVersionListSchema, PATROL_IMPORT_TYPES, PATROL_PUSH_MAX_BYTES, PatrolItemListQuerySchema, PatrolItemViewSchema,
  PatrolPushInputSchema, PatrolPushResultSchema, PatrolQueueQuerySchema, PatrolQueueSchema, PatrolReviewInputSchema, PatrolSourceInputSchema,
  PatrolSourceListSchema, PatrolSourceUpdateSchema, PatrolSourceViewSchema, TermActiveInputSchema, TermCheckInputSchema, TermCheckViewSchema,
  TermCorrectionInputSchema, TermCorrectionListSchema, TermCorrectionViewSchema,
} from '../patrol';
import { defineRoutes } from '../route-table';

const tags = ['patrol 巡查'] as const;

/** What a platform engineer reads in /api/docs before integrating the push. */
const PATROL_PUSH_DOC = `供巡查系统、舆情服务商等把抓取到的网上内容推送进本办的巡查来源。内容按当前词库自动扫描，命中的进入研判队列。

**认证**：请求头 \`Authorization: Bearer tl_…\`。接口密钥由本办管理员为贵单位签发，须带有 \`patrol.push\` 权限范围；密钥无效或已吊销返回 401 \`apikey.invalid\`，缺少该权限范围返回 403 \`auth.forbidden\`。\`sourceId\` 是本办为贵单位建立的「接口推送」类巡查来源的编号；不是密钥所属单位的接口推送来源时返回 404 \`resource.not_found\`。

**幂等**：\`externalId\`（1–200 字符，贵方系统内的内容编号）在同一来源内唯一。已收到过的条目（包括同一批内重复的）不再入库，计入 \`duplicates\`。超时、断线或收到 5xx 后，可把整批原样重试。

**限制**：\`Content-Type: application/json\`，请求体不超过 ${PATROL_PUSH_MAX_BYTES / 1024 / 1024} MB（否则 413 \`request.too_large\`），每批 1–1000 条。每条：\`text\` 正文 1–100000 字（必填）；\`title\` 至多 500 字；\`author\` 至多 200 字；\`url\` 为 http(s) 地址；\`publishedAt\` 为带时区的 ISO 8601 时间。整批不符合格式时返回 400 \`request.invalid\`，\`details.issues\` 指出位置，一条也不写入。

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

export const patrolApi = defineRoutes({
  // ── review queue ──
  queue: { method: 'GET', path: '/api/patrol/queue', summary: '研判队列（分组计数）', tags, query: PatrolQueueQuerySchema, response: { 200: PatrolQueueSchema } },
  items: { method: 'GET', path: '/api/patrol/items', summary: '巡查内容列表', tags, query: PatrolItemListQuerySchema, response: { 200: listOf(PatrolItemViewSchema) } },
  item: { method: 'GET', path: '/api/patrol/items/:id', summary: '巡查内容详情', tags, params: IdParamsSchema, response: { 200: PatrolItemViewSchema } },
  review: {
    method: 'POST', path: '/api/patrol/items/:id/review', summary: '研判巡查内容', errors: ['patrol.already_reviewed'], tags,
    params: IdParamsSchema, body: PatrolReviewInputSchema, response: { 200: PatrolItemViewSchema },
  },

  // ── ingestion ──
  enter: {
    method: 'POST', path: '/api/patrol/items', summary: '人工录入巡查内容', errors: ['patrol.invalid_source', 'resource.not_found'], tags,
    body: PatrolPushInputSchema, response: { 200: PatrolPushResultSchema },
  },
  push: {
    method: 'POST', path: '/api/patrol/push', summary: '平台推送巡查内容', description: PATROL_PUSH_DOC, bodyExample: PATROL_PUSH_EXAMPLE,
    errors: ['resource.not_found'], tags: ['partner 平台对接', ...tags], body: PatrolPushInputSchema, response: { 200: PatrolPushResultSchema },
  },
  importFile: {
    method: 'POST', path: '/api/patrol/sources/:id/import', summary: '导入巡查内容文件', errors: ['patrol.invalid_source', 'patrol.invalid_import', 'import.too_large'], tags,
    params: IdParamsSchema, consumes: Object.keys(PATROL_IMPORT_TYPES), response: { 200: PatrolPushResultSchema },
  },

  // ── sources ──
  sources: { method: 'GET', path: '/api/patrol/sources', summary: '巡查来源列表', tags, response: { 200: PatrolSourceListSchema } },
  createSource: {
    method: 'POST', path: '/api/patrol/sources', summary: '新建巡查来源', errors: ['patrol.invalid_source'], tags,
    body: PatrolSourceInputSchema, response: { 201: PatrolSourceViewSchema },
  },
  updateSource: {
    method: 'PATCH', path: '/api/patrol/sources/:id', summary: '修改巡查来源', errors: ['patrol.invalid_source'], tags,
    params: IdParamsSchema, body: PatrolSourceUpdateSchema, response: { 200: PatrolSourceViewSchema },
  },
  pollSource: {
    method: 'POST', path: '/api/patrol/sources/:id/poll', summary: '立即抓取订阅源',
    errors: ['patrol.invalid_source', 'patrol.feed_unreadable', 'fetch.refused', 'fetch.failed', 'fetch.too_large'], tags,
    params: IdParamsSchema, response: { 200: PatrolSourceViewSchema },
  },

  // ── lexicon ──
  rules: { method: 'GET', path: '/api/patrol/rules', summary: '词库规则列表', tags, query: LexiconRuleListQuerySchema, response: { 200: listOf(LexiconRuleViewSchema) } },
  createRule: {
    method: 'POST', path: '/api/patrol/rules', summary: '新增词库规则', errors: ['lexicon.invalid_rule', 'resource.conflict'], tags,
    body: LexiconRuleInputSchema, response: { 201: LexiconRuleViewSchema },
  },
  updateRule: {
    method: 'PATCH', path: '/api/patrol/rules/:id', summary: '修改词库规则', errors: ['lexicon.invalid_rule'], tags,
    params: IdParamsSchema, body: LexiconRuleUpdateSchema, response: { 200: LexiconRuleViewSchema },
  },
  importRules: {
    method: 'POST', path: '/api/patrol/rules/import', summary: '导入词库', errors: ['lexicon.invalid_file'], tags,
    body: LexiconImportInputSchema, response: { 200: LexiconImportSummarySchema },
  },
  lexiconVersions: { method: 'GET', path: '/api/patrol/lexicon/versions', summary: '词库版本记录', tags, response: { 200: LexiconVersionListSchema } },

  // ── 不规范表述 ──
  terms: { method: 'GET', path: '/api/patrol/terms', summary: '规范用语列表', tags, response: { 200: TermCorrectionListSchema } },
  createTerm: {
    method: 'POST', path: '/api/patrol/terms', summary: '新增规范用语', errors: ['resource.conflict'], tags,
    body: TermCorrectionInputSchema, response: { 201: TermCorrectionViewSchema },
  },
  setTermActive: {
    method: 'PATCH', path: '/api/patrol/terms/:id', summary: '启用或停用规范用语', tags,
    params: IdParamsSchema, body: TermActiveInputSchema, response: { 200: TermCorrectionViewSchema },
  },
  checkTerms: { method: 'POST', path: '/api/patrol/terms/check', summary: '检查文本中的不规范用语', tags, body: TermCheckInputSchema, response: { 200: TermCheckViewSchema } },
});
