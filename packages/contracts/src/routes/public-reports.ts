import { EVIDENCE_TYPES } from '../report-enums';
import { REPORT_LIMITS as L } from '../report-limits';
import { PUBLIC_ROUTES as R } from '../public-routes';
import {
  EvidenceUploadHeadersSchema, EvidenceUploadResultSchema, PartnerReportInputSchema, PartnerReportResultSchema, PowChallengeSchema,
  PublicFormOptionsSchema, PublicFormQuerySchema, PublicReportInputSchema, PublicStatusSchema, ReportReceiptSchema, ReviewRequestInputSchema,
  StatusQueryInputSchema,
} from '../reports-submission';
import { defineRoutes } from '../route-table';

const tags = ['public 公众举报'] as const;

/** The largest request body of a partner's bulk submission (the server's body limit; the document states it). */
export const PARTNER_REPORTS_BODY_LIMIT = 4 * 1024 * 1024;

/** What a platform engineer reads in /api/docs before integrating the bulk submission. */
const PARTNER_REPORTS_DOC = `供网站平台与合作系统把收到的举报批量转交本办，逐条返回受理编号。

**认证**：请求头 \`Authorization: Bearer tl_…\`。接口密钥由本办管理员为贵单位签发，须带有 \`reports.submit\` 权限范围；密钥无效或已吊销返回 401 \`apikey.invalid\`，缺少该权限范围返回 403 \`auth.forbidden\`。举报归入密钥所属单位的属地；该单位是平台单位时，举报记为来自该平台（可用 \`platformName\` 另行注明）。

**幂等**：每条举报带贵方系统内唯一的 \`externalId\`（1–100 字符）。同一密钥再次提交相同 \`externalId\` 时不再建单，该条结果为 \`duplicate: true\`。超时、断线或收到 5xx 后，可把整批原样重试，已受理的条目不会重复。

**限制**：\`Content-Type: application/json\`，请求体不超过 ${PARTNER_REPORTS_BODY_LIMIT / 1024 / 1024} MB（否则 413 \`request.too_large\`），每批 1–500 条。每条：\`categoryCode\` 为本办的举报分类代码，\`zoneCode\` 为专项领域代码（可选），两者的取值见 \`GET /api/public/report-form\` 返回的 \`categories\` 与 \`zones\`；\`description\` ${L.descriptionMin}–${L.descriptionMax} 字；\`urls\` 至多 ${L.urls} 个 http(s) 地址，每个不超过 ${L.url} 字符；\`platformName\` 至多 ${L.platformName} 字，\`accountName\` 至多 ${L.accountName} 字。本接口不接收证据文件与举报人联系方式。

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
 * The public side of intake (no session; rate limited per address; a proof of work past the free
 * allowance) and the partners' bulk submission with an API key. Method and path of the public entries
 * come from the zod-free PUBLIC_ROUTES the public pages call through.
 */
export const publicReportsApi = defineRoutes({
  formOptions: {
    ...R.formOptions, summary: '举报表单选项（分类、专项领域）', tags, query: PublicFormQuerySchema, response: { 200: PublicFormOptionsSchema },
  },
  pow: { ...R.pow, summary: '获取工作量证明题目', tags, response: { 200: PowChallengeSchema } },
  evidence: {
    ...R.evidence, summary: '上传证据文件', tags,
    errors: ['report.pow_required', 'report.evidence_invalid', 'report.evidence_too_large', 'report.evidence_storage_full'],
    consumes: Object.keys(EVIDENCE_TYPES), headers: EvidenceUploadHeadersSchema, response: { 200: EvidenceUploadResultSchema },
  },
  submit: {
    ...R.submit, summary: '提交举报', tags, errors: ['report.pow_required', 'report.pow_invalid', 'report.unknown_category', 'report.evidence_unknown'],
    body: PublicReportInputSchema, response: { 201: ReportReceiptSchema },
  },
  status: { ...R.status, summary: '查询办理进度', tags, errors: ['report.not_found'], body: StatusQueryInputSchema, response: { 200: PublicStatusSchema } },
  review: {
    ...R.review, summary: '申请复核', tags, errors: ['report.not_found', 'report.review_used', 'report.invalid_transition'],
    body: ReviewRequestInputSchema, response: { 200: PublicStatusSchema },
  },
  partnerSubmit: {
    method: 'POST', path: '/api/partner/reports', summary: '平台批量提交举报', description: PARTNER_REPORTS_DOC, bodyExample: PARTNER_REPORTS_EXAMPLE,
    tags: ['partner 平台对接', ...tags], body: PartnerReportInputSchema, response: { 200: PartnerReportResultSchema },
  },
});
