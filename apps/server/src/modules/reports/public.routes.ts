import type { FastifyPluginAsync } from 'fastify';
import { EVIDENCE_LIMITS, EVIDENCE_TYPES, PARTNER_REPORTS_BODY_LIMIT, publicReportsApi as api, type EvidenceMime } from '@tianlang/contracts';
import { mount } from '../../http/mount';
import { AppError } from '../../lib/errors';
import type { Services } from '../../services';
import { embedScript } from './embed';
import { admitUpload } from './upload-admission';

const UPLOAD_LIMIT = Math.max(...Object.values(EVIDENCE_LIMITS));

/**
 * The public side: no session, rate limited per address, a proof of work once an address has
 * used its free allowance of the hour (submissions, upload bytes; see allowance.ts). Nothing here
 * reveals whether a tracking number exists.
 */
export const publicReportsRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const r = s.reports;
  const limited = { config: { public: true, rateLimit: { max: s.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: 60_000 } } };
  const sourceOf = r.publicIntake.sourceOf;
  app.addContentTypeParser(Object.keys(EVIDENCE_TYPES), { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) => done(null, body));

  mount(app, api.formOptions, limited, async (req) => r.publicIntake.formOptions(req.ip, req.query.platform));

  mount(app, api.pow, limited, async () => r.pow.issue());

  mount(app, api.evidence, {
    ...limited,
    bodyLimit: UPLOAD_LIMIT,
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

  mount(app, api.submit, limited, async (req, reply) => {
    const receipt = await r.publicIntake.submitPublic(req.ip, req.body);
    return reply.code(201).send({ trackingNo: receipt.trackingNo, queryCode: receipt.queryCode, submittedAt: receipt.submittedAt.toISOString() });
  });

  mount(app, api.status, limited, async (req) => r.status.status(req.body.trackingNo, req.body.queryCode));

  mount(app, api.review, limited, async (req) => r.publicIntake.requestReview(req.body.trackingNo, req.body.queryCode, req.body.reason));

  app.get('/embed.js', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(embedScript()));

  // Platforms and partner systems submit in bulk with an API key; results per item, in order.
  mount(app, api.partnerSubmit, { bodyLimit: PARTNER_REPORTS_BODY_LIMIT, config: { apiKeyScope: 'reports.submit' } },
    async (req) => r.publicIntake.submitPartner(req.apiClient!, req.body.reports));
};
