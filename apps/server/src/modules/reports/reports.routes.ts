import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssessmentInputSchema, AssignInputSchema, BatchViewSchema, BulkInputSchema, BulkPreviewSchema, BulkResultSchema, ContactRevealSchema,
  DisposalInputSchema, ForwardInputSchema, IdParamsSchema, MergeInputSchema, OptionalReasonInputSchema, ReasonInputSchema, RejectInputSchema,
  ReplyInputSchema, ReplyPreviewSchema, ReportDetailSchema, ReportListSchema, ReportQuerySchema, ReportReceiptSchema,
  SavedViewInputSchema, SavedViewSchema, StaffReportInputSchema, TrustedReportInputSchema, TrustedReportListSchema,
} from '@tianlang/contracts';
import type { ErrorCode, Permission } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import type { Services } from '../../services';
import type { AuthUser } from '../auth/auth.types';
import { reportsPolicy as policy } from './reports.policy';
import { reportListItemView } from './reports.views';

export const reportsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['reports 举报'];
  const r = s.reports;
  const detail = (req: FastifyRequest, id: string) => r.detail.get(currentUser(req), id);

  app.get('/api/reports', {
    config: { permission: policy.read },
    schema: { summary: '举报列表', errors: ['jurisdiction.out_of_scope'], tags, querystring: ReportQuerySchema, response: { 200: ReportListSchema } },
  }, async (req) => {
    const { rows, total, totalCapped } = await r.queue.list(currentUser(req), req.query);
    const cats = await r.taxonomy.byCode();
    return {
      items: rows.map((x) => reportListItemView(x.r, { categoryName: cats.get(x.r.categoryCode)?.name ?? x.r.categoryCode, jurisdictionName: x.jurisdictionName, assigneeName: x.assigneeName })),
      total, totalCapped,
    };
  });

  app.get('/api/reports/options', {
    config: { permission: policy.read }, schema: { summary: '办理用的选项（分类、属地、人员）', tags },
  }, async (req) => r.options(currentUser(req)));

  app.post('/api/reports', {
    config: { permission: policy.createStaff },
    schema: { summary: '登记来电、来信、来访举报', errors: ['report.unknown_category'], tags, body: StaffReportInputSchema, response: { 201: ReportReceiptSchema } },
  }, async (req, reply) => {
    const user = currentUser(req);
    const { receivedAt, channel, ...input } = req.body;
    const receipt = await r.intake.submit(input, {
      channel, actor: r.actorOf(user), jurisdiction: { id: user.jurisdictionId, path: user.scopePath }, officeUnitId: user.unitId,
      receivedAt: receivedAt ? new Date(receivedAt) : undefined,
    });
    return reply.code(201).send(receiptView(receipt));
  });

  app.post('/api/reports/trusted', {
    config: { permission: policy.submitTrusted },
    schema: { summary: '可信举报人提交举报', errors: ['report.unknown_category', 'report.evidence_unknown'], tags, body: TrustedReportInputSchema, response: { 201: ReportReceiptSchema } },
  }, async (req, reply) => {
    const user = currentUser(req);
    const { evidence, ...input } = req.body;
    const receipt = await r.intake.submit(input, {
      channel: 'trusted', actor: r.actorOf(user), jurisdiction: { id: user.jurisdictionId, path: user.scopePath },
      officeUnitId: await r.taxonomy.officeOf(user.jurisdictionId), reporterUserId: user.id,
      attach: evidence.length ? (tx, id) => r.evidence.claim(tx, evidence, id) : undefined,
    });
    return reply.code(201).send(receiptView(receipt));
  });

  app.get('/api/reports/trusted/mine', {
    config: { permission: policy.submitTrusted },
    schema: { summary: '我提交的举报', tags, querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).default(0) }), response: { 200: TrustedReportListSchema } },
  }, async (req) => r.trustedMine(currentUser(req), req.query));

  app.get('/api/reports/views', {
    config: { permission: policy.read }, schema: { summary: '已保存的筛选视图', tags, response: { 200: z.object({ items: z.array(SavedViewSchema) }) } },
  }, async (req) => ({ items: await r.views.list(currentUser(req)) }));
  app.post('/api/reports/views', {
    config: { permission: policy.read }, schema: { summary: '保存筛选视图', tags, body: SavedViewInputSchema, response: { 200: SavedViewSchema } },
  }, async (req) => r.views.save(currentUser(req), req.body));
  app.delete('/api/reports/views/:id', {
    config: { permission: policy.read }, schema: { summary: '删除筛选视图', tags, params: IdParamsSchema, response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (req) => { await r.views.remove(currentUser(req), req.params.id); return { ok: true as const }; });

  app.post('/api/reports/bulk/preview', {
    config: { permission: policy.bulk }, schema: { summary: '预览批量操作', errors: ['report.bulk_too_many'], tags, body: BulkInputSchema, response: { 200: BulkPreviewSchema } },
  }, async (req) => { const { items, applicable, skipped } = await r.bulk.preview(currentUser(req), req.body); return { action: req.body.action, items, applicable, skipped }; });
  app.post('/api/reports/bulk', {
    config: { permission: policy.bulk }, schema: { summary: '执行批量操作', errors: ['report.bulk_too_many'], tags, body: BulkInputSchema, response: { 200: BulkResultSchema } },
  }, async (req) => { const res = await r.bulk.apply(currentUser(req), req.body); return { batchId: res.batchId, applied: res.applicable, skipped: res.skipped }; });
  app.get('/api/reports/batches/:id', {
    config: { permission: policy.read }, schema: { summary: '批量操作结果', tags, params: IdParamsSchema, response: { 200: BatchViewSchema } },
  }, async (req) => r.bulk.batch(currentUser(req), req.params.id));

  app.get('/api/reports/:id', {
    config: { permission: policy.read }, schema: { summary: '举报详情', tags, params: IdParamsSchema, response: { 200: ReportDetailSchema } },
  }, async (req) => detail(req, req.params.id));

  app.post('/api/reports/:id/contact', {
    config: { permission: policy.revealContact }, schema: { summary: '查看举报人联系方式', tags, params: IdParamsSchema, response: { 200: ContactRevealSchema } },
  }, async (req) => r.handling.revealContact(currentUser(req), req.params.id));

  app.get('/api/reports/:id/evidence/:evidenceId', {
    config: { permission: policy.read }, schema: { summary: '下载证据文件', tags, params: z.strictObject({ id: z.uuid(), evidenceId: z.uuid() }) },
  }, async (req, reply) => {
    const { row, data } = await r.evidenceFile(currentUser(req), req.params.id, req.params.evidenceId);
    const ext = row.mime.split('/')[1];
    return reply.header('content-type', row.mime).header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="evidence-${row.sha256.slice(0, 12)}.${ext}"`)
      .header('content-security-policy', "default-src 'none'; sandbox").send(data);
  });

  // State-machine actions: each returns the refreshed detail.
  /** What the API document says of each action (besides report.invalid_transition, which any of them may answer). */
  const actionDocs = {
    claim: { summary: '认领举报' }, release: { summary: '放弃认领' }, assign: { summary: '指派承办人', errors: ['request.invalid'] },
    accept: { summary: '受理举报' }, reject: { summary: '不予受理' }, merge: { summary: '合并到另一件举报', errors: ['report.merge_invalid'] },
    split: { summary: '拆分举报' }, forward: { summary: '转其他属地办理', errors: ['jurisdiction.out_of_scope'] },
    assessment: { summary: '研判定性', errors: ['report.unknown_category'] }, disposals: { summary: '登记处置措施', errors: ['report.disposal_invalid'] },
    complete: { summary: '办结举报', errors: ['report.disposal_invalid', 'report.open_subcases'] },
    reply: { summary: '答复举报人', errors: ['report.template_unfilled'] }, close: { summary: '结案' },
  } satisfies Record<string, { summary: string; errors?: ErrorCode[] }>;
  type ActionName = keyof typeof actionDocs;
  const doc = (name: ActionName) => {
    const d: { summary: string; errors?: ErrorCode[] } = actionDocs[name];
    return { summary: d.summary, errors: ['report.invalid_transition', ...(d.errors ?? [])] satisfies ErrorCode[] };
  };
  const action = (name: ActionName, permission: Permission) => ({ config: { permission }, schema: { ...doc(name), tags, params: IdParamsSchema, response: { 200: ReportDetailSchema } } });
  const actionWith = <S extends z.ZodType>(name: ActionName, permission: Permission, body: S) => {
    const o = action(name, permission);
    return { config: o.config, schema: { ...o.schema, body } };
  };
  const act = (path: ActionName, opts: ReturnType<typeof action>, run: (user: AuthUser, id: string) => Promise<unknown>) =>
    app.post(`/api/reports/:id/${path}`, opts, async (req) => { await run(currentUser(req), req.params.id); return detail(req, req.params.id); });

  act('claim', action('claim', policy.claim), (u, id) => r.handling.claim(u, id));
  act('release', action('release', policy.claim), (u, id) => r.handling.release(u, id));
  app.post('/api/reports/:id/assign', actionWith('assign', policy.assign, AssignInputSchema), async (req) => {
    await r.handling.assign(currentUser(req), req.params.id, req.body.userId); return detail(req, req.params.id);
  });
  app.post('/api/reports/:id/accept', actionWith('accept', policy.accept, OptionalReasonInputSchema), async (req) => {
    await r.handling.accept(currentUser(req), req.params.id, req.body.reason); return detail(req, req.params.id);
  });
  app.post('/api/reports/:id/reject', actionWith('reject', policy.reject, RejectInputSchema), async (req) => {
    await r.handling.reject(currentUser(req), req.params.id, req.body.reasonCode, req.body.reason); return detail(req, req.params.id);
  });
  app.post('/api/reports/:id/merge', actionWith('merge', policy.merge, MergeInputSchema), async (req) => {
    await r.handling.merge(currentUser(req), req.params.id, req.body.intoId, req.body.reason); return detail(req, req.params.id);
  });
  app.post('/api/reports/:id/split', actionWith('split', policy.split, ReasonInputSchema), async (req) => {
    await r.handling.split(currentUser(req), req.params.id, req.body.reason); return detail(req, req.params.id);
  });
  app.post('/api/reports/:id/forward', actionWith('forward', policy.forward, ForwardInputSchema), async (req) => {
    await r.handling.forward(currentUser(req), req.params.id, req.body.jurisdictionId, req.body.reason); return detail(req, req.params.id);
  });
  app.post('/api/reports/:id/assessment', actionWith('assessment', policy.assess, AssessmentInputSchema), async (req) => {
    await r.handling.assess(currentUser(req), req.params.id, req.body); return detail(req, req.params.id);
  });
  app.post('/api/reports/:id/disposals', actionWith('disposals', policy.dispose, DisposalInputSchema), async (req) => {
    await r.disposals.add(currentUser(req), req.params.id, req.body); return detail(req, req.params.id);
  });
  app.post('/api/reports/:id/complete', actionWith('complete', policy.complete, OptionalReasonInputSchema), async (req) => {
    await r.disposals.complete(currentUser(req), req.params.id, req.body.reason); return detail(req, req.params.id);
  });
  app.post('/api/reports/:id/reply', actionWith('reply', policy.reply, ReplyInputSchema), async (req) => {
    await r.replies.reply(currentUser(req), req.params.id, req.body); return detail(req, req.params.id);
  });
  app.post('/api/reports/:id/close', actionWith('close', policy.close, OptionalReasonInputSchema), async (req) => {
    await r.handling.close(currentUser(req), req.params.id, req.body.reason); return detail(req, req.params.id);
  });

  // 巡查发现 → 处置: a confirmed patrol item enters the loop as an accepted report (idempotent).
  app.post('/api/patrol/items/:id/report', {
    config: { permission: 'patrol.review' },
    schema: { summary: '巡查发现转为举报', errors: ['report.invalid_transition'], tags, params: IdParamsSchema, response: { 200: z.object({ reportId: z.uuid(), trackingNo: z.string(), created: z.boolean() }) } },
  }, async (req) => r.fromPatrol(currentUser(req), req.params.id));

  app.post('/api/reports/:id/reply/preview', {
    config: { permission: policy.reply }, schema: { summary: '预览答复内容', errors: ['report.template_unfilled'], tags, params: IdParamsSchema, body: ReplyInputSchema, response: { 200: ReplyPreviewSchema } },
  }, async (req) => r.replies.preview(currentUser(req), req.params.id, req.body));
};

const receiptView = (x: { trackingNo: string; queryCode: string; submittedAt: Date }) =>
  ({ trackingNo: x.trackingNo, queryCode: x.queryCode, submittedAt: x.submittedAt.toISOString() });
