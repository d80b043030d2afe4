import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { reportsApi as api, type Permission } from '@tianlang/contracts';
import { currentUser } from '../../http/auth-hook';
import { mount } from '../../http/mount';
import type { Services } from '../../services';
import type { AuthUser } from '../auth/auth.types';
import { reportsPolicy as policy } from './reports.policy';
import { reportListItemView } from './reports.views';

export const reportsRoutes = (s: Services): FastifyPluginAsync => async (app) => {
  const r = s.reports;
  const detail = (req: FastifyRequest, id: string) => r.detail.get(currentUser(req), id);
  const at = (permission: Permission) => ({ config: { permission } });

  mount(app, api.list, at(policy.read), async (req) => {
    const { rows, total, totalCapped } = await r.queue.list(currentUser(req), req.query);
    const cats = await r.taxonomy.byCode();
    return {
      items: rows.map((x) => reportListItemView(x.r, { categoryName: cats.get(x.r.categoryCode)?.name ?? x.r.categoryCode, jurisdictionName: x.jurisdictionName, assigneeName: x.assigneeName })),
      total, totalCapped,
    };
  });

  mount(app, api.options, at(policy.read), async (req) => r.options(currentUser(req)));

  mount(app, api.createStaff, at(policy.createStaff), async (req, reply) => {
    const user = currentUser(req);
    const { receivedAt, channel, ...input } = req.body;
    const receipt = await r.intake.submit(input, {
      channel, actor: r.actorOf(user), jurisdiction: { id: user.jurisdictionId, path: user.scopePath }, officeUnitId: user.unitId,
      receivedAt: receivedAt ? new Date(receivedAt) : undefined,
    });
    return reply.code(201).send(receiptView(receipt));
  });

  mount(app, api.createTrusted, at(policy.submitTrusted), async (req, reply) => {
    const user = currentUser(req);
    const { evidence, ...input } = req.body;
    const receipt = await r.intake.submit(input, {
      channel: 'trusted', actor: r.actorOf(user), jurisdiction: { id: user.jurisdictionId, path: user.scopePath },
      officeUnitId: await r.taxonomy.officeOf(user.jurisdictionId), reporterUserId: user.id,
      attach: evidence.length ? (tx, id) => r.evidence.claim(tx, evidence, id) : undefined,
    });
    return reply.code(201).send(receiptView(receipt));
  });

  mount(app, api.trustedMine, at(policy.submitTrusted), async (req) => r.trustedMine(currentUser(req), req.query));

  mount(app, api.views, at(policy.read), async (req) => ({ items: await r.views.list(currentUser(req)) }));
  mount(app, api.saveView, at(policy.read), async (req) => r.views.save(currentUser(req), req.body));
  mount(app, api.deleteView, at(policy.read), async (req) => { await r.views.remove(currentUser(req), req.params.id); return { ok: true as const }; });

  mount(app, api.bulkPreview, at(policy.bulk), async (req) => {
    const { items, applicable, skipped } = await r.bulk.preview(currentUser(req), req.body);
    return { action: req.body.action, items, applicable, skipped };
  });
  mount(app, api.bulk, at(policy.bulk), async (req) => {
    const res = await r.bulk.apply(currentUser(req), req.body);
    return { batchId: res.batchId, applied: res.applicable, skipped: res.skipped };
  });
  mount(app, api.batch, at(policy.read), async (req) => r.bulk.batch(currentUser(req), req.params.id));

  mount(app, api.get, at(policy.read), async (req) => detail(req, req.params.id));

  mount(app, api.revealContact, at(policy.revealContact), async (req) => r.handling.revealContact(currentUser(req), req.params.id));

  mount(app, api.evidence, at(policy.read), async (req, reply) => {
    const { row, data } = await r.evidenceFile(currentUser(req), req.params.id, req.params.evidenceId);
    const ext = row.mime.split('/')[1];
    return reply.header('content-type', row.mime).header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="evidence-${row.sha256.slice(0, 12)}.${ext}"`)
      .header('content-security-policy', "default-src 'none'; sandbox").send(data);
  });

  // State-machine actions: each returns the refreshed detail.
  const act = (def: typeof api.claim | typeof api.release, permission: Permission, run: (user: AuthUser, id: string) => Promise<unknown>) =>
    mount(app, def, at(permission), async (req) => { await run(currentUser(req), req.params.id); return detail(req, req.params.id); });

  act(api.claim, policy.claim, (u, id) => r.handling.claim(u, id));
  act(api.release, policy.claim, (u, id) => r.handling.release(u, id));
  mount(app, api.assign, at(policy.assign), async (req) => {
    await r.handling.assign(currentUser(req), req.params.id, req.body.userId); return detail(req, req.params.id);
  });
  mount(app, api.accept, at(policy.accept), async (req) => {
    await r.handling.accept(currentUser(req), req.params.id, req.body.reason); return detail(req, req.params.id);
  });
  mount(app, api.reject, at(policy.reject), async (req) => {
    await r.handling.reject(currentUser(req), req.params.id, req.body.reasonCode, req.body.reason); return detail(req, req.params.id);
  });
  mount(app, api.merge, at(policy.merge), async (req) => {
    await r.handling.merge(currentUser(req), req.params.id, req.body.intoId, req.body.reason); return detail(req, req.params.id);
  });
  mount(app, api.split, at(policy.split), async (req) => {
    await r.handling.split(currentUser(req), req.params.id, req.body.reason); return detail(req, req.params.id);
  });
  mount(app, api.forward, at(policy.forward), async (req) => {
    await r.handling.forward(currentUser(req), req.params.id, req.body.jurisdictionId, req.body.reason); return detail(req, req.params.id);
  });
  mount(app, api.assessment, at(policy.assess), async (req) => {
    await r.handling.assess(currentUser(req), req.params.id, req.body); return detail(req, req.params.id);
  });
  mount(app, api.disposals, at(policy.dispose), async (req) => {
    await r.disposals.add(currentUser(req), req.params.id, req.body); return detail(req, req.params.id);
  });
  mount(app, api.complete, at(policy.complete), async (req) => {
    await r.disposals.complete(currentUser(req), req.params.id, req.body.reason); return detail(req, req.params.id);
  });
  mount(app, api.reply, at(policy.reply), async (req) => {
    await r.replies.reply(currentUser(req), req.params.id, req.body); return detail(req, req.params.id);
  });
  mount(app, api.close, at(policy.close), async (req) => {
    await r.handling.close(currentUser(req), req.params.id, req.body.reason); return detail(req, req.params.id);
  });

  // 巡查发现 → 处置: a confirmed patrol item enters the loop as an accepted report (idempotent).
  mount(app, api.fromPatrolItem, at('patrol.review'), async (req) => r.fromPatrol(currentUser(req), req.params.id));

  mount(app, api.replyPreview, at(policy.reply), async (req) => r.replies.preview(currentUser(req), req.params.id, req.body));
};

const receiptView = (x: { trackingNo: string; queryCode: string; submittedAt: Date }) =>
  ({ trackingNo: x.trackingNo, queryCode: x.queryCode, submittedAt: x.submittedAt.toISOString() });
