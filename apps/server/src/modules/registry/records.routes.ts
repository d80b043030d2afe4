import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DrawInputSchema, DrawListSchema, DrawVerifySchema, DrawViewSchema, EVIDENCE_TYPES, EntityViewSchema, FollowUpInputSchema, IdParamsSchema,
  ImportCommitInputSchema, ImportViewSchema, IMPORT_MAX_BYTES, InspectionInputSchema, InterviewInputSchema, PageQuerySchema, PledgeInputSchema,
  RectificationProgressInputSchema, RegistryFileUploadSchema, XLSX_MIME, type ErrorCode, type EvidenceMime,
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
  const view = (req: FastifyRequest, id: string) => r.page.view(currentUser(req), id);

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
  const record = <S extends z.ZodType>(summary: string, body: S) => ({
    config: { permission: policy.record },
    schema: { summary, errors: ['registry.file_unknown', 'registry.invalid_transition'] satisfies ErrorCode[], tags, params: IdParamsSchema, body, response: { 201: EntityViewSchema } },
  });
  app.post('/api/registry/entities/:id/pledges', record('登记承诺书', PledgeInputSchema), async (req, reply) => {
    await r.records.pledge(currentUser(req), req.params.id, req.body);
    return reply.code(201).send(await view(req, req.params.id));
  });
  app.post('/api/registry/entities/:id/inspections', record('登记检查记录', InspectionInputSchema), async (req, reply) => {
    await r.records.inspection(currentUser(req), req.params.id, req.body);
    return reply.code(201).send(await view(req, req.params.id));
  });
  app.post('/api/registry/entities/:id/interviews', record('登记约谈记录', InterviewInputSchema), async (req, reply) => {
    await r.records.interview(currentUser(req), req.params.id, req.body);
    return reply.code(201).send(await view(req, req.params.id));
  });
  app.post('/api/registry/rectifications/:id/follow-up', {
    config: { permission: policy.record }, schema: { summary: '登记整改跟进', errors: ['registry.invalid_transition', 'registry.file_unknown'], tags, params: IdParamsSchema, body: FollowUpInputSchema, response: { 200: EntityViewSchema } },
  }, async (req) => view(req, await r.records.followUp(currentUser(req), req.params.id, req.body.result, req.body.note)));
  app.post('/api/registry/rectifications/:id/progress', {
    config: { permission: policy.record }, schema: { summary: '登记整改进展', errors: ['registry.invalid_transition'], tags, params: IdParamsSchema, body: RectificationProgressInputSchema, response: { 200: EntityViewSchema } },
  }, async (req) => view(req, await r.records.progress(currentUser(req), req.params.id, req.body.note)));

  // ── 双随机 draws ──
  app.post('/api/registry/draws', {
    config: { permission: policy.draw }, schema: { summary: '发起随机抽查', errors: ['registry.draw_pool_too_small', 'jurisdiction.out_of_scope'], tags, body: DrawInputSchema, response: { 201: DrawViewSchema } },
  }, async (req, reply) => reply.code(201).send(await r.draws.view(currentUser(req), await r.draws.draw(currentUser(req), req.body))));
  app.get('/api/registry/draws', {
    config: { permission: policy.read }, schema: { summary: '随机抽查记录', tags, querystring: PageQuerySchema, response: { 200: DrawListSchema } },
  }, async (req) => r.draws.listView(currentUser(req), req.query.limit, req.query.offset));
  app.get('/api/registry/draws/:id', {
    config: { permission: policy.read }, schema: { summary: '随机抽查详情', tags, params: IdParamsSchema, response: { 200: DrawViewSchema } },
  }, async (req) => r.draws.view(currentUser(req), req.params.id));
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
