import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EVIDENCE_LIMITS, EVIDENCE_TYPES, REPORT_LIMITS as L, EvidenceUploadResultSchema, PartnerReportInputSchema, PartnerReportResultSchema, PowChallengeSchema,
  PublicFormOptionsSchema, PublicReportInputSchema, PublicStatusSchema, ReportReceiptSchema, ReviewRequestInputSchema, StatusQueryInputSchema,
  type EvidenceMime,
} from '@tianlang/contracts';
import { AppError } from '../../lib/errors';
import type { Services } from '../../services';
import { embedScript } from './embed';
import { admitUpload, UploadHeadersSchema } from './upload-admission';

const UPLOAD_LIMIT = Math.max(...Object.values(EVIDENCE_LIMITS));
const PARTNER_LIMIT = 4 * 1024 * 1024;

/** What a platform engineer reads in /api/docs before integrating the bulk submission. */
const PARTNER_REPORTS_DOC = `供网站平台与合作系统把收到的举报批量转交本办，逐条返回受理编号。

**认证**：请求头 \`Authorization: Bearer tl_…\`。接口密钥由本办管理员为贵单位签发，须带有 \`reports.submit\` 权限范围；密钥无效或已吊销返回 401 \`apikey.invalid\`，缺少该权限范围返回 403 \`auth.forbidden\`。举报归入密钥所属单位的属地；该单位是平台单位时，举报记为来自该平台（可用 \`platformName\` 另行注明）。

**幂等**：每条举报带贵方系统内唯一的 \`externalId\`（1–100 字符）。同一密钥再次提交相同 \`externalId\` 时不再建单，该条结果为 \`duplicate: true\`。超时、断线或收到 5xx 后，可把整批原样重试，已受理的条目不会重复。

**限制**：\`Content-Type: application/json\`，请求体不超过 ${PARTNER_LIMIT / 1024 / 1024} MB（否则 413 \`request.too_large\`），每批 1–500 条。每条：\`categoryCode\` 为本办的举报分类代码，\`zoneCode\` 为专项领域代码（可选），两者的取值见 \`GET /api/public/report-form\` 返回的 \`categories\` 与 \`zones\`；\`description\` ${L.descriptionMin}–${L.descriptionMax} 字；\`urls\` 至多 ${L.urls} 个 http(s) 地址，每个不超过 ${L.url} 字符；\`platformName\` 至多 ${L.platformName} 字，\`accountName\` 至多 ${L.accountName} 字。本接口不接收证据文件与举报人联系方式。

**结果**：\`results\` 与提交顺序一一对应：受理成功的给出 \`trackingNo\`（受理编号）；重复的为 \`duplicate: true\`；单条内容不被接受的（如分类代码不存在，\`report.unknown_category\`）给出 \`error: { code, message }\`，不影响同批其他条目。整批不符合格式（缺少字段、未知字段、超过条数）时返回 400 \`request.invalid\`，\`details.issues\` 指出位置，整批一条也不写入。

请求体示例见下方 Request body 的 Example Value。`;

/** The example body the document shows. */
const PARTNER_REPORTS_EXAMPLE = {
  reports: [
    {
      externalId: 'wb-20261206-000123',
      categoryCode: 'rumor',
      urls: ['https://example.com/post/123'],
      platformName: '示例微博',
      accountName: '某某账号',
      description: '该账号发布所谓某地化工厂爆炸的视频，经核实为旧视频拼接，评论区已大量转发。',
    },
  ],
};

/**
 * The public side: no session, rate limited per address, a proof of work once an address has
 * used its free allowance of the hour (submissions, upload bytes; see allowance.ts). Nothing here
 * reveals whether a tracking number exists.
 */
export const publicReportsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['public 公众举报'];
  const r = s.reports;
  const limited = { public: true, rateLimit: { max: s.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: 60_000 } };
  const sourceOf = r.publicIntake.sourceOf;
  app.addContentTypeParser(Object.keys(EVIDENCE_TYPES), { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) => done(null, body));

  app.get('/api/public/report-form', {
    config: limited,
    schema: { summary: '举报表单选项（分类、专项领域）', tags, querystring: z.strictObject({ platform: z.uuid().optional() }), response: { 200: PublicFormOptionsSchema } },
  }, async (req) => r.publicIntake.formOptions(req.ip, req.query.platform));

  app.post('/api/public/pow', {
    config: limited, schema: { summary: '获取工作量证明题目', tags, response: { 200: PowChallengeSchema } },
  }, async () => r.pow.issue());

  app.post('/api/public/evidence', {
    bodyLimit: UPLOAD_LIMIT,
    config: limited,
    schema: { summary: '上传证据文件', errors: ['report.pow_required', 'report.evidence_invalid', 'report.evidence_too_large', 'report.evidence_storage_full'], tags, consumes: Object.keys(EVIDENCE_TYPES), headers: UploadHeadersSchema, response: { 200: EvidenceUploadResultSchema } },
    // before a byte of the body is read: the type's size limit, room for it, and the address's allowance
    preParsing: async (req) => admitUpload(r, sourceOf(req.ip), req.headers),
  }, async (req) => {
    const mime = (req.headers['content-type'] ?? '').split(';')[0]!.trim() as EvidenceMime;
    if (!(mime in EVIDENCE_TYPES) || !Buffer.isBuffer(req.body)) throw new AppError('request.unsupported_media_type', `send one of ${Object.keys(EVIDENCE_TYPES).join(', ')}`);
    const raw = req.headers['x-filename'];
    let filename: string | undefined;
    try { filename = typeof raw === 'string' ? decodeURIComponent(raw) : undefined; } catch { filename = undefined; }
    return r.evidence.save(req.body, mime, filename, { sourceHash: sourceOf(req.ip) });
  });

  app.post('/api/public/reports', {
    config: limited,
    schema: { summary: '提交举报', errors: ['report.pow_required', 'report.pow_invalid', 'report.unknown_category', 'report.evidence_unknown'], tags, body: PublicReportInputSchema, response: { 201: ReportReceiptSchema } },
  }, async (req, reply) => {
    const receipt = await r.publicIntake.submitPublic(req.ip, req.body);
    return reply.code(201).send({ trackingNo: receipt.trackingNo, queryCode: receipt.queryCode, submittedAt: receipt.submittedAt.toISOString() });
  });

  app.post('/api/public/reports/status', {
    config: limited, schema: { summary: '查询办理进度', errors: ['report.not_found'], tags, body: StatusQueryInputSchema, response: { 200: PublicStatusSchema } },
  }, async (req) => r.status.status(req.body.trackingNo, req.body.queryCode));

  app.post('/api/public/reports/review', {
    config: limited, schema: { summary: '申请复核', errors: ['report.not_found', 'report.review_used', 'report.invalid_transition'], tags, body: ReviewRequestInputSchema, response: { 200: PublicStatusSchema } },
  }, async (req) => r.publicIntake.requestReview(req.body.trackingNo, req.body.queryCode, req.body.reason));

  app.get('/embed.js', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(embedScript()));

  // Platforms and partner systems submit in bulk with an API key; results per item, in order.
  app.post('/api/partner/reports', {
    bodyLimit: PARTNER_LIMIT,
    config: { apiKeyScope: 'reports.submit' },
    schema: {
      summary: '平台批量提交举报', description: PARTNER_REPORTS_DOC, bodyExample: PARTNER_REPORTS_EXAMPLE, tags: ['partner 平台对接', ...tags],
      body: PartnerReportInputSchema, response: { 200: PartnerReportResultSchema },
    },
  }, async (req) => r.publicIntake.submitPartner(req.apiClient!, req.body.reports));
};
