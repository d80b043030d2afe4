import type { FastifyPluginAsync } from 'fastify';
import { publicStatsApi, statsApi as api } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import { attachment } from '../../lib/attachment';
import { DOCX_MIME } from '../documents/documents.service';
import type { Services } from '../../services';
import { statsPolicy as policy } from './stats.policy';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The console side of statistics: dashboard, drill-down lists, exports, transparency approval. */
export const statsRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const st = s.stats;

  mount(app, api.dashboard, { config: { permission: policy.read } }, async (req) => st.dashboard.dashboard(currentUser(req), req.query));

  mount(app, api.items, { config: { permission: policy.read } }, async (req) => st.exports.items(currentUser(req), req.query));

  mount(app, api.figures, { config: { permission: policy.read } }, async () => ({ items: st.figures.list() }));

  mount(app, api.figureItems, { config: { permission: policy.read } }, async (req) => st.figures.items(currentUser(req), req.params.code, req.query));

  mount(app, api.exportXlsx, { config: { permission: policy.read } }, async (req, reply) => {
    const { buffer, filename } = await st.exports.xlsx(currentUser(req), req.query);
    return reply.type(XLSX).header('content-disposition', attachment(filename)).send(buffer);
  });

  mount(app, api.workReport, { config: { permission: policy.read } }, async (req, reply) => {
    const { buffer, filename, document } = await st.exports.workReport(currentUser(req), req.body);
    // the stored document (GET /api/documents/:id) and the hash its document.rendered event records
    return reply.type(DOCX_MIME).header('content-disposition', attachment(filename))
      .header('x-document-id', document.id).header('x-content-sha256', document.sha256).send(buffer);
  });

  mount(app, api.savedQuery, { config: { permission: policy.read } }, async (req) => st.exports.savedQuery(currentUser(req), req.params.id));

  mount(app, api.dsa, { config: { permission: policy.read } }, async (req) => st.exports.dsa(currentUser(req), req.query));

  mount(app, api.transparencyPreview, { config: { permission: policy.publish } },
    async (req) => st.transparency.preview(currentUser(req), req.params.month));

  mount(app, api.approveTransparency, { config: { permission: policy.publish } },
    async (req, reply) => reply.status(201).send(await st.transparency.approve(currentUser(req), req.params.month, req.body.correction)));
};

/** The public transparency data: approved, frozen months only; rate limited like the other public routes. */
export const publicStatsRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const limited = { config: { public: true, rateLimit: { max: s.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: 60_000 } } };
  mount(app, publicStatsApi.transparencyFeed, limited, async () => s.stats.transparency.feed());
  mount(app, publicStatsApi.transparencyMonth, limited, async (req) => s.stats.transparency.publishedMonth(req.params.month));
};
