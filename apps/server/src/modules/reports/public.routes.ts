import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EVIDENCE_LIMITS, EVIDENCE_TYPES, EvidenceUploadResultSchema, PartnerReportInputSchema, PartnerReportResultSchema, PowChallengeSchema,
  PublicFormOptionsSchema, PublicReportInputSchema, PublicStatusSchema, ReportReceiptSchema, ReviewRequestInputSchema, StatusQueryInputSchema,
  type EvidenceMime,
} from '@tianlang/contracts';
import { AppError } from '../../lib/errors';
import type { Services } from '../../services';
import { embedScript } from './embed';
import { PUBLIC_ACTOR } from './report-store';
import { admitUpload, UploadHeadersSchema } from './upload-admission';

const UPLOAD_LIMIT = Math.max(...Object.values(EVIDENCE_LIMITS));

/**
 * The public side: no session, rate limited per address, a proof of work once an address has
 * used its free allowance of the hour (submissions, upload bytes; see allowance.ts). Nothing here
 * reveals whether a tracking number exists.
 */
export const publicReportsRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  const tags = ['public 公众举报'];
  const r = s.reports;
  const limited = { public: true, rateLimit: { max: s.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: 60_000 } };
  const sourceOf = (ip: string) => s.secrets.mac('source', ip);
  app.addContentTypeParser(Object.keys(EVIDENCE_TYPES), { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) => done(null, body));

  app.get('/api/public/report-form', {
    config: limited,
    schema: { tags, querystring: z.strictObject({ platform: z.uuid().optional() }), response: { 200: PublicFormOptionsSchema } },
  }, async (req) => {
    const cats = [...(await r.taxonomy.byCode()).values()].filter((c) => c.active);
    return {
      categories: cats.filter((c) => c.kind === 'category').map((c) => ({ code: c.code, name: c.name, parentCode: c.parentCode })),
      zones: cats.filter((c) => c.kind === 'zone').map((c) => ({ code: c.code, name: c.name })),
      platform: req.query.platform ? await r.platformUnit(req.query.platform) : null,
      powRequired: await r.allowance.exhausted(sourceOf(req.ip), 'submissions'),
    };
  });

  app.post('/api/public/pow', {
    config: limited, schema: { tags, response: { 200: PowChallengeSchema } },
  }, async () => r.pow.issue());

  app.post('/api/public/evidence', {
    bodyLimit: UPLOAD_LIMIT,
    config: limited,
    schema: { tags, consumes: Object.keys(EVIDENCE_TYPES), headers: UploadHeadersSchema, response: { 200: EvidenceUploadResultSchema } },
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
    schema: { tags, body: PublicReportInputSchema, response: { 201: ReportReceiptSchema } },
  }, async (req, reply) => {
    const source = sourceOf(req.ip);
    const { evidence, goodFaith: _g, pow, channel, ...input } = req.body;
    // reserved before anything else is awaited: concurrent submissions each get their own count
    if (!(await r.allowance.reserve(source, 'submissions'))) {
      if (!pow) throw new AppError('report.pow_required', 'complete the proof of work');
      await r.pow.verify(pow);
    }
    const platform = input.platformUnitId ? await r.platformUnit(input.platformUnitId) : null;
    if (input.platformUnitId && !platform) throw new AppError('request.invalid', 'unknown platform', { details: { field: 'platformUnitId' } });
    const where = platform ? await r.jurisdictionOfUnit(platform.id) : await r.taxonomy.rootJurisdiction();
    const receipt = await r.intake.submit({ ...input, platformName: input.platformName ?? platform?.name }, {
      channel, actor: PUBLIC_ACTOR, jurisdiction: where, officeUnitId: await r.taxonomy.officeOf(where.id), sourceHash: source,
      attach: evidence.length ? (tx, id) => r.evidence.claim(tx, evidence, id) : undefined,
    });
    return reply.code(201).send({ trackingNo: receipt.trackingNo, queryCode: receipt.queryCode, submittedAt: receipt.submittedAt.toISOString() });
  });

  app.post('/api/public/reports/status', {
    config: limited, schema: { tags, body: StatusQueryInputSchema, response: { 200: PublicStatusSchema } },
  }, async (req) => r.status.status(req.body.trackingNo, req.body.queryCode));

  app.post('/api/public/reports/review', {
    config: limited, schema: { tags, body: ReviewRequestInputSchema, response: { 200: PublicStatusSchema } },
  }, async (req) => {
    const row = await r.status.find(req.body.trackingNo, req.body.queryCode);
    await r.handling.requestReview(row.id, req.body.reason, PUBLIC_ACTOR);
    return r.status.status(req.body.trackingNo, req.body.queryCode);
  });

  app.get('/embed.js', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(embedScript()));

  // Platforms and partner systems submit in bulk with an API key; results per item, in order.
  app.post('/api/partner/reports', {
    bodyLimit: 4 * 1024 * 1024,
    config: { apiKeyScope: 'reports.submit' },
    schema: { tags, body: PartnerReportInputSchema, response: { 200: PartnerReportResultSchema }, security: [{ bearer: [] }] },
  }, async (req) => {
    const client = req.apiClient!;
    const where = await r.jurisdictionOfUnit(client.unitId);
    const platform = await r.platformUnit(client.unitId);
    const results: z.infer<typeof PartnerReportResultSchema>['results'] = [];
    for (const item of req.body.reports) {
      const { externalId, ...input } = item;
      if (await r.partnerDuplicate(client.keyId, externalId)) { results.push({ externalId, duplicate: true }); continue; }
      try {
        const receipt = await r.intake.submit({ ...input, platformUnitId: input.platformUnitId ?? platform?.id, platformName: input.platformName ?? platform?.name }, {
          channel: 'api', actor: { id: null, role: 'api', unitId: client.unitId }, jurisdiction: where,
          officeUnitId: await r.taxonomy.officeOf(where.id), apiKeyId: client.keyId, externalId,
        });
        results.push({ externalId, trackingNo: receipt.trackingNo });
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        results.push({ externalId, error: { code: err.code, message: err.message } });
      }
    }
    return { results };
  });
};
