import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { EVIDENCE_TYPES, IMPORT_MAX_BYTES, XLSX_MIME, registryRecordsApi as api, type EvidenceMime } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import { AppError } from '../../lib/errors';
import type { Services } from '../../services';
import { registryPolicy as policy } from './registry.policy';

const FILE_LIMIT = 20 * 1024 * 1024;
const filenameOf = (raw: unknown) => { try { return typeof raw === 'string' ? decodeURIComponent(raw) : undefined; } catch { return undefined; } };

/** Records (pledge, inspection, interview, follow-up), their files, random draws and xlsx imports. */
export const registryRecordsRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const r = s.registry;
  app.addContentTypeParser([XLSX_MIME, 'application/octet-stream', 'application/vnd.ms-excel', 'text/csv'], { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) => done(null, body));
  app.addContentTypeParser(Object.keys(EVIDENCE_TYPES), { parseAs: 'buffer', bodyLimit: FILE_LIMIT }, (_req, body, done) => done(null, body));
  const view = (req: FastifyRequest, id: string) => r.page.view(currentUser(req), id);

  // ── files (scanned pledges, inspection and interview records): the files module ──
  mount(app, api.uploadFile, { bodyLimit: FILE_LIMIT, config: { permission: policy.record } }, async (req) => {
    const file: unknown = req.body;
    const mime = (req.headers['content-type'] ?? '').split(';')[0]!.trim() as EvidenceMime;
    if (!(mime in EVIDENCE_TYPES) || !Buffer.isBuffer(file)) throw new AppError('request.unsupported_media_type', `send one of ${Object.keys(EVIDENCE_TYPES).join(', ')}`);
    const up = await r.files.save(file, mime, filenameOf(req.headers['x-filename']));
    return { token: up.token, mime: up.mime, size: up.size, sha256: up.sha256 };
  });

  mount(app, api.file, { config: { permission: policy.read } }, async (req, reply) => {
    const row = await r.records.file(currentUser(req), req.params.id, req.params.fileId);
    return reply.header('content-type', row.mime).header('content-disposition', `attachment; filename="registry-${row.sha256.slice(0, 12)}.${row.mime.split('/')[1]}"`)
      .header('content-security-policy', "default-src 'none'; sandbox").send(await r.files.read(row));
  });

  // ── records ──
  const record = { config: { permission: policy.record } };
  mount(app, api.pledge, record, async (req, reply) => {
    await r.records.pledge(currentUser(req), req.params.id, req.body);
    return reply.code(201).send(await view(req, req.params.id));
  });
  mount(app, api.inspection, record, async (req, reply) => {
    await r.records.inspection(currentUser(req), req.params.id, req.body);
    return reply.code(201).send(await view(req, req.params.id));
  });
  mount(app, api.interview, record, async (req, reply) => {
    await r.records.interview(currentUser(req), req.params.id, req.body);
    return reply.code(201).send(await view(req, req.params.id));
  });
  mount(app, api.followUp, record, async (req) => view(req, await r.records.followUp(currentUser(req), req.params.id, req.body.result, req.body.note)));
  mount(app, api.progress, record, async (req) => view(req, await r.records.progress(currentUser(req), req.params.id, req.body.note)));

  // ── 双随机 draws ──
  mount(app, api.createDraw, { config: { permission: policy.draw } },
    async (req, reply) => reply.code(201).send(await r.draws.view(currentUser(req), await r.draws.draw(currentUser(req), req.body))));
  mount(app, api.draws, { config: { permission: policy.read } }, async (req) => r.draws.listView(currentUser(req), req.query.limit, req.query.offset));
  mount(app, api.draw, { config: { permission: policy.read } }, async (req) => r.draws.view(currentUser(req), req.params.id));
  mount(app, api.verifyDraw, { config: { permission: policy.read } }, async (req) => r.draws.verify(currentUser(req), req.params.id));

  // ── xlsx import: upload → preview (background, progress by GET) → commit ──
  mount(app, api.startImport, { bodyLimit: IMPORT_MAX_BYTES, config: { permission: policy.import } }, async (req, reply) => {
    const user = currentUser(req);
    const file: unknown = req.body;
    if (!Buffer.isBuffer(file)) throw new AppError('request.unsupported_media_type', `send the file as ${XLSX_MIME}`);
    const id = await r.imports.start(user, file, filenameOf(req.headers['x-filename']));
    if (req.query.wait === 'true') await r.imports.settled(id);
    return reply.code(202).send(await r.imports.view(user, id));
  });
  mount(app, api.import, { config: { permission: policy.import } }, async (req) => r.imports.view(currentUser(req), req.params.id));
  mount(app, api.commitImport, { config: { permission: policy.import } }, async (req, reply) => {
    const user = currentUser(req);
    await r.imports.commit(user, req.params.id, req.body.skipInvalid);
    if (req.query.wait === 'true') await r.imports.settled(req.params.id);
    return reply.code(202).send(await r.imports.view(user, req.params.id));
  });
};
