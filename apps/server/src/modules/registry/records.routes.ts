import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DrawInputSchema, DrawListSchema, DrawVerifySchema, DrawViewSchema, EVIDENCE_TYPES, EntityViewSchema, FollowUpInputSchema, IdParamsSchema,
  ImportCommitInputSchema, ImportViewSchema, IMPORT_MAX_BYTES, InspectionInputSchema, InterviewInputSchema, PageQuerySchema, PledgeInputSchema,
  RegistryFileUploadSchema, XLSX_MIME, type EvidenceMime,
} from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { AppError } from '../../lib/errors';
import type { Services } from '../../services';
import { registryPolicy as policy } from './registry.policy';

const FILE_LIMIT = 20 * 1024 * 1024;
const WaitQuery = z.strictObject({ wait: z.enum(['true', 'false']).optional() });
const filenameOf = (raw: unknown) => { try { return typeof raw === 'string' ? decodeURIComponent(raw) : undefined; } catch { return undefined; } };

/** Records (pledge, inspection, interview, follow-up), their files, random draws and xlsx imports. */
export const registryRecordsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['registry 属地台账'];
  const r = s.registry;
  app.addContentTypeParser([XLSX_MIME, 'application/octet-stream', 'application/vnd.ms-excel', 'text/csv'], { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) => done(null, body));
  app.addContentTypeParser(Object.keys(EVIDENCE_TYPES), { parseAs: 'buffer', bodyLimit: FILE_LIMIT }, (_req, body, done) => done(null, body));
  const view = (req: { auth: unknown }, id: string) => r.page.view(currentUser(req as never), id);

  // ── files (scanned pledges, inspection and interview records): the files module ──
  app.post('/api/registry/files', {
    bodyLimit: FILE_LIMIT, config: { permission: policy.record },
    schema: { summary: '上传台账附件', errors: ['report.evidence_invalid', 'report.evidence_too_large'], tags, consumes: Object.keys(EVIDENCE_TYPES), response: { 200: RegistryFileUploadSchema } },
  }, async (req) => {
    const mime = (req.headers['content-type'] ?? '').split(';')[0]!.trim() as EvidenceMime;
    if (!(mime in EVIDENCE_TYPES) || !Buffer.isBuffer(req.body)) throw new AppError('request.unsupported_media_type', `send one of ${Object.keys(EVIDENCE_TYPES).join(', ')}`);
    const up = await r.files.save(req.body, mime, filenameOf(req.headers['x-filename']));
    return { token: up.token, mime: up.mime, size: up.size, sha256: up.sha256 };
  });

  app.get('/api/registry/entities/:id/files/:fileId', {
    config: { permission: policy.read }, schema: { summary: '下载台账附件', tags, params: z.strictObject({ id: z.uuid(), fileId: z.uuid() }) },
  }, async (req, reply) => {
    const row = await r.records.file(currentUser(req), req.params.id, req.params.fileId);
    return reply.header('content-type', row.mime).header('content-disposition', `attachment; filename="registry-${row.sha256.slice(0, 12)}.${row.mime.split('/')[1]}"`)
      .header('content-security-policy', "default-src 'none'; sandbox").send(await r.files.read(row));
  });

  // ── records ──
  const records: [string, z.ZodType, (u: ReturnType<typeof currentUser>, id: string, b: any) => Promise<unknown>][] = [
    ['pledges', PledgeInputSchema, (u, id, b) => r.records.pledge(u, id, b)],
    ['inspections', InspectionInputSchema, (u, id, b) => r.records.inspection(u, id, b)],
    ['interviews', InterviewInputSchema, (u, id, b) => r.records.interview(u, id, b)],
  ];
  const recordSummaries: Record<string, string> = { pledges: '登记承诺书', inspections: '登记检查记录', interviews: '登记约谈记录' };
  for (const [name, body, run] of records) {
    app.post(`/api/registry/entities/:id/${name}`, {
      config: { permission: policy.record },
      schema: { summary: recordSummaries[name], errors: ['registry.file_unknown', 'registry.invalid_transition'], tags, params: IdParamsSchema, body, response: { 201: EntityViewSchema } },
    }, async (req, reply) => {
      const id = (req.params as { id: string }).id;
      await run(currentUser(req), id, req.body);
      return reply.code(201).send(await view(req, id));
    });
  }
  app.post('/api/registry/rectifications/:id/follow-up', {
    config: { permission: policy.record }, schema: { summary: '登记整改跟进', errors: ['registry.invalid_transition', 'registry.file_unknown'], tags, params: IdParamsSchema, body: FollowUpInputSchema, response: { 200: EntityViewSchema } },
  }, async (req) => view(req, await r.records.followUp(currentUser(req), req.params.id, req.body.result, req.body.note)));

  // ── 双随机 draws ──
  const drawView = async (user: ReturnType<typeof currentUser>, id: string) => {
    const d = await r.draws.get(user, id);
    const tasks = await r.draws.tasksOf(id);
    const names = await r.page.names([d.createdBy, ...tasks.flatMap((t) => t.t.officerIds)]);
    return {
      id: d.id, name: d.name, seed: d.seed, algorithm: d.algorithm, filter: d.filter, entityPool: d.entityPool.length, officerPool: d.officerPool.length,
      poolDigest: d.poolDigest, entityIds: d.entityIds, officerIds: d.officerIds, createdByName: names.get(d.createdBy) ?? null, createdAt: d.createdAt.toISOString(),
      tasks: tasks.map(({ t, entityName }) => ({
        id: t.id, drawId: t.drawId, entityId: t.entityId, entityName, officers: t.officerIds.map((o) => ({ id: o, name: names.get(o) ?? '' })), state: t.state,
        dueAt: t.dueAt?.toISOString() ?? null, deadlineStatus: t.deadlineStatus, inspectionId: t.inspectionId,
      })),
    };
  };
  app.post('/api/registry/draws', {
    config: { permission: policy.draw }, schema: { summary: '发起随机抽查', errors: ['registry.draw_pool_too_small', 'jurisdiction.out_of_scope'], tags, body: DrawInputSchema, response: { 201: DrawViewSchema } },
  }, async (req, reply) => reply.code(201).send(await drawView(currentUser(req), await r.draws.draw(currentUser(req), req.body))));
  app.get('/api/registry/draws', {
    config: { permission: policy.read }, schema: { summary: '随机抽查记录', tags, querystring: PageQuerySchema, response: { 200: DrawListSchema } },
  }, async (req) => {
    const { rows, total } = await r.draws.list(currentUser(req), req.query.limit, req.query.offset);
    return { total, items: rows.map(({ d, createdByName }) => ({ id: d.id, name: d.name, seed: d.seed, algorithm: d.algorithm, filter: d.filter, entityPool: d.entityPool.length, officerPool: d.officerPool.length, poolDigest: d.poolDigest, createdByName, createdAt: d.createdAt.toISOString() })) };
  });
  app.get('/api/registry/draws/:id', {
    config: { permission: policy.read }, schema: { summary: '随机抽查详情', tags, params: IdParamsSchema, response: { 200: DrawViewSchema } },
  }, async (req) => drawView(currentUser(req), req.params.id));
  app.post('/api/registry/draws/:id/verify', {
    config: { permission: policy.read }, schema: { summary: '核验抽查结果', tags, params: IdParamsSchema, response: { 200: DrawVerifySchema } },
  }, async (req) => r.draws.verify(currentUser(req), req.params.id));

  // ── xlsx import: upload → preview (background, progress by GET) → commit ──
  app.post('/api/registry/imports', {
    bodyLimit: IMPORT_MAX_BYTES, config: { permission: policy.import },
    schema: { summary: '上传台账导入文件', errors: ['registry.import_invalid_file', 'import.too_large'], tags, querystring: WaitQuery, consumes: [XLSX_MIME, 'application/octet-stream'], response: { 202: ImportViewSchema } },
  }, async (req, reply) => {
    const user = currentUser(req);
    if (!Buffer.isBuffer(req.body)) throw new AppError('request.unsupported_media_type', `send the file as ${XLSX_MIME}`);
    const id = await r.imports.start(user, req.body, filenameOf(req.headers['x-filename']));
    if (req.query.wait === 'true') await r.imports.settled(id);
    return reply.code(202).send(await r.imports.view(user, id));
  });
  app.get('/api/registry/imports/:id', {
    config: { permission: policy.import }, schema: { summary: '导入进度与校验结果', tags, params: IdParamsSchema, response: { 200: ImportViewSchema } },
  }, async (req) => r.imports.view(currentUser(req), req.params.id));
  app.post('/api/registry/imports/:id/commit', {
    config: { permission: policy.import }, schema: { summary: '确认导入', errors: ['registry.import_has_errors', 'registry.import_state', 'jurisdiction.out_of_scope'], tags, params: IdParamsSchema, querystring: WaitQuery, body: ImportCommitInputSchema, response: { 202: ImportViewSchema } },
  }, async (req, reply) => {
    const user = currentUser(req);
    await r.imports.commit(user, req.params.id, req.body.skipInvalid);
    if (req.query.wait === 'true') await r.imports.settled(req.params.id);
    return reply.code(202).send(await r.imports.view(user, req.params.id));
  });
};
