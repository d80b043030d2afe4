import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUnit, buildUser, buildWorld, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { allEvents, buildReport, eventsOf, LEGAL_BASIS, notificationsOf, reportById } from '../../../test/report-factories';
import { platformOrders } from '../../db/schema';

let t: TestApp;
let w: World;
let handler: Agent;
let handlerB: Agent;
let liaison: Agent;
let liaison2: Agent;
let ids: { handler: string; handlerB: string; leaderA: string; liaison: string; liaisonName: string };
let platformId: string;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t.s.db);
  const [platform, platform2] = await Promise.all([
    buildUnit(t.s.db, { jurisdictionId: w.city.id, kind: 'platform' }), buildUnit(t.s.db, { jurisdictionId: w.city.id, kind: 'platform' }),
  ]);
  platformId = platform.id;
  const [h, hb, leaderA, l1, l2] = await Promise.all([
    buildUser(t.s.db, { unitId: w.officeA.id, roles: ['handler'] }),
    buildUser(t.s.db, { unitId: w.officeB.id, roles: ['handler'] }),
    buildUser(t.s.db, { unitId: w.officeA.id, roles: ['leader'] }),
    buildUser(t.s.db, { unitId: platform.id, roles: ['platform_liaison'] }),
    buildUser(t.s.db, { unitId: platform2.id, roles: ['platform_liaison'] }),
  ]);
  ids = { handler: h.id, handlerB: hb.id, leaderA: leaderA.id, liaison: l1.id, liaisonName: l1.username };
  [handler, handlerB, liaison, liaison2] = await Promise.all([signIn(t.app, h.username), signIn(t.app, hb.username), signIn(t.app, l1.username), signIn(t.app, l2.username)]);
});
afterAll(() => t.close());

async function ordered(dueHours = 24) {
  const r = await buildReport(t.s.db, { jurisdiction: w.districtA });
  const res = await handler.post(`/api/reports/${r.id}/disposals`, {
    kind: 'order_platform', legalBasis: LEGAL_BASIS, reasons: '该信息为诈骗引流信息，违反《网络信息内容生态治理规定》。',
    platformUnitId: platformId, measure: 'remove', requirement: '请删除举报链接所指信息，并反馈处置结果。', dueHours,
  });
  expect(res.statusCode).toBe(200);
  const [order] = await t.s.db.select().from(platformOrders).where(eq(platformOrders.reportId, r.id));
  return { r, order: order! };
}
const answer = (id: string, a: 'done' | 'partial' | 'refused', agent = liaison) => agent.post(`/api/orders/${id}/answer`, { answer: a, note: a === 'refused' ? '我方认为该信息不违规' : '已删除相关信息' });
const escalations = async (userId: string, orderId: string) => (await notificationsOf(t.s.db, userId, 'order.escalated')).filter((n) => n.subjectId === orderId);

describe('orders to platforms', () => {
  it('walks 通知 → 反馈 → 复核 → 已处置, each step an event on the order and a note on the report', async () => {
    const { r, order } = await ordered(12);
    expect(order).toMatchObject({ state: 'issued', urls: r.urls, issuedByUnitId: w.officeA.id, escalated: false });
    expect(order.orderNo).toMatch(/^TZ\d{8}[2-9A-HJ-NP-Z]{6}$/);
    expect((await reportById(t.s.db, r.id)).state).toBe('disposing');
    expect((await notificationsOf(t.s.db, ids.liaison, 'order.issued')).some((n) => n.subjectId === order.id)).toBe(true);

    const inbox = (await liaison.get('/api/orders?state=issued')).json();
    expect(inbox.items.find((x: { id: string }) => x.id === order.id)).toMatchObject({ orderNo: order.orderNo, trackingNo: r.trackingNo, measure: 'remove', deadlineStatus: 'on_time' });

    const blocked = await handler.post(`/api/reports/${r.id}/complete`, {});
    expect(blocked.json()).toMatchObject({ code: 'report.open_subcases', details: { orders: [{ id: order.id, state: 'issued' }] } });

    expect((await answer(order.id, 'done')).json()).toMatchObject({ state: 'answered', answer: 'done', answeredLate: false, escalated: false });
    const before = await allEvents(t.s.db);
    const again = await answer(order.id, 'done');
    expect([again.statusCode, again.json().code]).toEqual([409, 'order.invalid_transition']);
    expect(await allEvents(t.s.db)).toBe(before);

    const rechecked = await handler.post(`/api/orders/${order.id}/recheck`, { result: 'removed', note: '复核确认信息已删除' });
    expect(rechecked.json()).toMatchObject({ state: 'rechecked', recheck: 'removed', escalated: false });
    expect((await handler.get('/api/orders/outbox?state=rechecked&limit=200')).json().items.map((x: { id: string }) => x.id)).toContain(order.id);

    const done = await handler.post(`/api/reports/${r.id}/complete`, { reason: '平台已删除' });
    expect(done.json()).toMatchObject({ state: 'disposed', outcome: 'handled' });
    expect((await eventsOf(t.s.db, 'order', order.id)).map((e) => e.action))
      .toEqual(['order.issued', 'deadline.started', 'deadline.met', 'order.answered', 'order.rechecked']);
    expect((await eventsOf(t.s.db, 'report', r.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['report.dispose', 'report.order_answered', 'report.order_rechecked', 'report.complete']));
  });

  it('shows an order only to its platform and to the office of the report’s jurisdiction', async () => {
    const { order } = await ordered();
    const before = await allEvents(t.s.db);
    expect((await liaison2.get(`/api/orders/${order.id}`)).statusCode).toBe(404);
    expect((await answer(order.id, 'done', liaison2)).statusCode).toBe(404);
    expect((await liaison2.get('/api/orders')).json().items.map((x: { id: string }) => x.id)).not.toContain(order.id);
    expect((await handlerB.get('/api/orders/outbox?limit=200')).json().items.map((x: { id: string }) => x.id)).not.toContain(order.id);
    await answer(order.id, 'partial');
    const after = await allEvents(t.s.db);
    expect((await handlerB.post(`/api/orders/${order.id}/recheck`, { result: 'removed', note: '已核实' })).statusCode).toBe(404);
    expect(after).toBeGreaterThan(before);
    expect(await allEvents(t.s.db)).toBe(after);
  });

  it('escalates a refusal and a failed recheck to the issuing office’s handlers and leaders', async () => {
    const { r, order } = await ordered();
    expect((await answer(order.id, 'refused')).json()).toMatchObject({ state: 'answered', answer: 'refused', escalated: true });
    expect(await escalations(ids.handler, order.id)).toHaveLength(1);
    expect(await escalations(ids.leaderA, order.id)).toHaveLength(1);
    expect(await escalations(ids.handlerB, order.id)).toHaveLength(0);
    expect((await eventsOf(t.s.db, 'report', r.id)).at(-1)).toMatchObject({ action: 'report.order_escalated', payload: { cause: 'refused' } });

    const { order: second } = await ordered();
    await answer(second.id, 'done');
    const res = await handler.post(`/api/orders/${second.id}/recheck`, { result: 'still_present', note: '复核发现信息仍可访问' });
    expect(res.json()).toMatchObject({ state: 'rechecked', escalated: true });
    expect((await escalations(ids.leaderA, second.id))[0]!.title).toContain('复核发现信息仍在');
  });
});

describe('a platform that lets the deadline pass', () => {
  it('is escalated by the sweep, and its late answer is marked late', async () => {
    const { r, order } = await ordered(2);
    t.clock.advance(3 * 3600_000);
    await t.s.deadlines.sweep();
    const [row] = await t.s.db.select().from(platformOrders).where(eq(platformOrders.id, order.id));
    expect(row).toMatchObject({ state: 'issued', escalated: true });
    expect((await eventsOf(t.s.db, 'order', order.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['deadline.overdue', 'order.escalated']));
    expect((await eventsOf(t.s.db, 'report', r.id)).at(-1)).toMatchObject({ action: 'report.order_escalated', actorRole: 'system', payload: { cause: 'overdue' } });
    expect(await escalations(ids.handler, order.id)).toHaveLength(1);
    await t.s.deadlines.sweep(); // idempotent
    expect(await escalations(ids.handler, order.id)).toHaveLength(1);
    const late = await answer(order.id, 'done', await signIn(t.app, ids.liaisonName)); // the old session idled out
    expect(late.json()).toMatchObject({ answeredLate: true, escalated: true, deadlineStatus: 'overdue' });
  });
});
