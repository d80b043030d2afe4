import { IdParamsSchema, OkSchema } from '../common';
import {
  AssessmentInputSchema, AssignInputSchema, BatchViewSchema, BulkInputSchema, BulkPreviewSchema, BulkResultSchema, ContactRevealSchema,
  DisposalInputSchema, EvidenceParamsSchema, ForwardInputSchema, MergeInputSchema, OptionalReasonInputSchema, PatrolItemReportSchema,
  ReasonInputSchema, RejectInputSchema, ReplyInputSchema, ReplyPreviewSchema, ReportDetailSchema, ReportListSchema, ReportOptionsSchema,
  ReportQuerySchema, SavedViewInputSchema, SavedViewListSchema, SavedViewSchema, TrustedReportListSchema, TrustedReportQuerySchema,
} from '../reports';
import { ReportReceiptSchema, StaffReportInputSchema, TrustedReportInputSchema } from '../reports-submission';
import { defineRoutes } from '../route-table';

const tags = ['reports 举报'] as const;

/** A state-machine action on one report: it answers with the refreshed detail, and any of them may answer report.invalid_transition. */
const action = { method: 'POST', tags, params: IdParamsSchema, response: { 200: ReportDetailSchema } } as const;
const T = 'report.invalid_transition';

/** 举报 in the console: queues, intake by staff and trusted reporters, saved views, bulk actions, one report and its actions. */
export const reportsApi = defineRoutes({
  list: {
    method: 'GET', path: '/api/reports', summary: '举报列表', tags, errors: ['jurisdiction.out_of_scope'],
    query: ReportQuerySchema, response: { 200: ReportListSchema },
  },
  options: { method: 'GET', path: '/api/reports/options', summary: '办理用的选项（分类、属地、人员）', tags, response: { 200: ReportOptionsSchema } },
  createStaff: {
    method: 'POST', path: '/api/reports', summary: '登记来电、来信、来访举报', tags, errors: ['report.unknown_category'],
    body: StaffReportInputSchema, response: { 201: ReportReceiptSchema },
  },
  createTrusted: {
    method: 'POST', path: '/api/reports/trusted', summary: '可信举报人提交举报', tags, errors: ['report.unknown_category', 'report.evidence_unknown'],
    body: TrustedReportInputSchema, response: { 201: ReportReceiptSchema },
  },
  trustedMine: {
    method: 'GET', path: '/api/reports/trusted/mine', summary: '我提交的举报', tags, query: TrustedReportQuerySchema, response: { 200: TrustedReportListSchema },
  },

  views: { method: 'GET', path: '/api/reports/views', summary: '已保存的筛选视图', tags, response: { 200: SavedViewListSchema } },
  saveView: { method: 'POST', path: '/api/reports/views', summary: '保存筛选视图', tags, body: SavedViewInputSchema, response: { 200: SavedViewSchema } },
  deleteView: { method: 'DELETE', path: '/api/reports/views/:id', summary: '删除筛选视图', tags, params: IdParamsSchema, response: { 200: OkSchema } },

  bulkPreview: {
    method: 'POST', path: '/api/reports/bulk/preview', summary: '预览批量操作', tags, errors: ['report.bulk_too_many'],
    body: BulkInputSchema, response: { 200: BulkPreviewSchema },
  },
  bulk: {
    method: 'POST', path: '/api/reports/bulk', summary: '执行批量操作', tags, errors: ['report.bulk_too_many'],
    body: BulkInputSchema, response: { 200: BulkResultSchema },
  },
  batch: { method: 'GET', path: '/api/reports/batches/:id', summary: '批量操作结果', tags, params: IdParamsSchema, response: { 200: BatchViewSchema } },

  get: { method: 'GET', path: '/api/reports/:id', summary: '举报详情', tags, params: IdParamsSchema, response: { 200: ReportDetailSchema } },
  revealContact: {
    method: 'POST', path: '/api/reports/:id/contact', summary: '查看举报人联系方式', tags, params: IdParamsSchema, response: { 200: ContactRevealSchema },
  },
  evidence: { method: 'GET', path: '/api/reports/:id/evidence/:evidenceId', summary: '下载证据文件', tags, params: EvidenceParamsSchema, file: true },

  claim: { ...action, path: '/api/reports/:id/claim', summary: '认领举报', errors: [T] },
  release: { ...action, path: '/api/reports/:id/release', summary: '放弃认领', errors: [T] },
  assign: { ...action, path: '/api/reports/:id/assign', summary: '指派承办人', errors: [T, 'request.invalid'], body: AssignInputSchema },
  accept: { ...action, path: '/api/reports/:id/accept', summary: '受理举报', errors: [T], body: OptionalReasonInputSchema },
  reject: { ...action, path: '/api/reports/:id/reject', summary: '不予受理', errors: [T], body: RejectInputSchema },
  merge: { ...action, path: '/api/reports/:id/merge', summary: '合并到另一件举报', errors: [T, 'report.merge_invalid'], body: MergeInputSchema },
  split: { ...action, path: '/api/reports/:id/split', summary: '拆分举报', errors: [T], body: ReasonInputSchema },
  forward: { ...action, path: '/api/reports/:id/forward', summary: '转其他属地办理', errors: [T, 'jurisdiction.out_of_scope'], body: ForwardInputSchema },
  assessment: { ...action, path: '/api/reports/:id/assessment', summary: '研判定性', errors: [T, 'report.unknown_category'], body: AssessmentInputSchema },
  disposals: { ...action, path: '/api/reports/:id/disposals', summary: '登记处置措施', errors: [T, 'report.disposal_invalid'], body: DisposalInputSchema },
  complete: {
    ...action, path: '/api/reports/:id/complete', summary: '办结举报', errors: [T, 'report.disposal_invalid', 'report.open_subcases'], body: OptionalReasonInputSchema,
  },
  reply: { ...action, path: '/api/reports/:id/reply', summary: '答复举报人', errors: [T, 'report.template_unfilled'], body: ReplyInputSchema },
  close: { ...action, path: '/api/reports/:id/close', summary: '结案', errors: [T], body: OptionalReasonInputSchema },

  fromPatrolItem: {
    method: 'POST', path: '/api/patrol/items/:id/report', summary: '巡查发现转为举报', tags, errors: ['report.invalid_transition'],
    params: IdParamsSchema, response: { 200: PatrolItemReportSchema },
  },
  replyPreview: {
    method: 'POST', path: '/api/reports/:id/reply/preview', summary: '预览答复内容', tags, errors: ['report.template_unfilled'],
    params: IdParamsSchema, body: ReplyInputSchema, response: { 200: ReplyPreviewSchema },
  },
});
