import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { allEvents, buildReport, eventsOf, LEGAL_BASIS, notificationsOf, reportById } from '../../../test/report-factories';
import { reportTransfers } from '../../db/schema';

// 上级网信部门: a unit outside the jurisdiction tree that receives transfers; its answers come by its own
// accounts or are entered by staff (代录回函).
let t: TestApp;
let w: World;
let handler: Agent;
let handlerB: Agent;
let superiorUser: Agent;
let superiorUserId: string;
let silent: { id: string };
let superior: { id: string };
const START = new Date('2026-09-29T02:00:00Z');
beforeAll(async () => {
  t = await buildTestApp({}, START);
  w = await buildWorld(t.s.db);
  const cityAdmin = await signIn(t.app, w.users.cityAdmin.username);
  // the units admin creates them like any unit
  const made = await Promise.all([uniq('省委网信办'), uniq('省网信办应急处')].map((name) => cityAdmin.post('/api/units', { name, kind: 'superior_office', jurisdictionId: w.city.id })));
  expect(made.map((r) => [r.statusCode, r.json().kind])).toEqual([[201, 'superior_office'], [201, 'superior_office']]);
  [silent, superior] = made.map((r) => r.json() as { id: string }) as [{ id: string }, { id: string }];
  // a user of the office above who also holds a handler's permissions: still sees only what is sent to their unit
  const su = await buildUser(t.s.db, { unitId: superior.id, roles: ['partner', 'handler'] });
  superiorUserId = su.id;
  const [h, hb] = await Promise.all([buildUser(t.s.db, { unitId: w.officeA.id, roles: ['handler'] }), buildUser(t.s.db, { unitId: w.officeB.id, roles: ['handler'] })]);
  [handler, handlerB, superiorUser] = await Promise.all([signIn(t.app, h.username), signIn(t.app, hb.username), signIn(t.app, su.username)]);
});
afterAll(() => t.close());

async function referredTo(unitId: string) {
  const r = await buildReport(t.s.db, { jurisdiction: w.districtA, secrets: t.s.secrets });
  const options = (await handler.get('/api/reports/options')).json();
  expect(options.departments).toEqual(expect.arrayContaining([{ id: unitId, name: expect.any(String), kind: 'superior_office' }]));
  const res = await handler.post(`/api/reports/${r.id}/disposals`, {
    kind: 'referral', legalBasis: LEGAL_BASIS, reasons: '涉及跨区域重大舆情，需报上级网信部门研判。', toUnitId: unitId, transferKind: 'other',
    note: '请研判并函复处置意见。',
  });
  expect(res.statusCode).toBe(200);
  const [tr] = await t.s.db.select().from(reportTransfers).where(eq(reportTransfers.reportId, r.id));
  return { r, tr: tr! };
}

describe('transfers to the office above (上级网信部门)', () => {
  it('staff record the answer of a unit without accounts, saying how it arrived', async () => {
    const { r, tr } = await referredTo(silent.id);
    const before = await allEvents(t.s.db);
    for (const body of [{ text: '经研判，同意按程序处置。' }, { text: '经研判，同意按程序处置。', channel: 'fax' }, { text: '短', channel: 'phone' }]) {
      const bad = await handler.post(`/api/transfers/${tr.id}/record-reply`, body);
      expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
    }
    expect(await allEvents(t.s.db)).toBe(before);

    const res = await handler.post(`/api/transfers/${tr.id}/record-reply`, { text: '经研判，同意按程序处置。', channel: 'document' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'replied', replyText: '经研判，同意按程序处置。', replyChannel: 'document', toUnitId: silent.id });
    const recorded = (await eventsOf(t.s.db, 'transfer', tr.id)).find((e) => e.action === 'transfer.reply_recorded')!;
    expect(recorded).toMatchObject({ actorRole: 'handler', payload: { channel: 'document', text: '经研判，同意按程序处置。' } });
    expect((await reportById(t.s.db, r.id)).state).toBe('disposing');
    expect((await eventsOf(t.s.db, 'report', r.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['report.transfer_reply_recorded', 'report.transfer_settled']));
  });

  it('a user of the office above signs and answers in their own inbox, and sees nothing of the district', async () => {
    const { tr } = await referredTo(superior.id);
    expect(await notificationsOf(t.s.db, superiorUserId, 'transfer.sent')).toEqual(expect.arrayContaining([expect.objectContaining({ subjectId: tr.id })]));
    expect((await superiorUser.get('/api/transfers')).json().items.map((x: { id: string }) => x.id)).toContain(tr.id);
    expect((await superiorUser.get('/api/transfers/outbox?limit=200')).json().items).toEqual([]);
    expect((await superiorUser.post(`/api/transfers/${tr.id}/urge`, { reason: '请尽快办理' })).statusCode).toBe(404);
    const replied = await superiorUser.post(`/api/transfers/${tr.id}/reply`, { text: '已阅，请按属地管理原则依法处置。' });
    expect(replied.json()).toMatchObject({ state: 'replied', replyChannel: null });
    expect((await eventsOf(t.s.db, 'transfer', tr.id)).map((e) => e.action)).toContain('transfer.replied');
  });

  it('hides the transfer from a sibling district, who can neither record an answer nor urge (404, nothing written)', async () => {
    const { tr } = await referredTo(silent.id);
    const before = await allEvents(t.s.db);
    expect((await handlerB.post(`/api/transfers/${tr.id}/record-reply`, { text: '经研判，同意处置。', channel: 'email' })).statusCode).toBe(404);
    expect((await handlerB.post(`/api/transfers/${tr.id}/urge`, { reason: '请尽快办理' })).statusCode).toBe(404);
    expect((await handlerB.get('/api/transfers/outbox?limit=200')).json().items.map((x: { id: string }) => x.id)).not.toContain(tr.id);
    expect(await allEvents(t.s.db)).toBe(before);
  });

  it('escalates an unanswered transfer when its clock runs out: noted on the report, the office’s leaders told', async () => {
    const { r, tr } = await referredTo(superior.id);
    const leader = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['leader'] });
    const outbox = async () => (await handler.get('/api/transfers/outbox?limit=200')).json().items.find((x: { id: string }) => x.id === tr.id);
    t.clock.set(new Date((await outbox()).dueAt));
    await t.s.deadlines.sweep();
    t.clock.set(START);
    expect((await eventsOf(t.s.db, 'transfer', tr.id)).map((e) => e.action)).toContain('transfer.escalated');
    expect((await eventsOf(t.s.db, 'report', r.id)).map((e) => e.action)).toContain('report.transfer_escalated');
    const told = (await notificationsOf(t.s.db, leader.id, 'transfer.escalated')).filter((n) => n.subjectId === tr.id);
    expect(told).toMatchObject([{ link: `/console/reports/${r.id}`, title: `督办：移交件 ${r.trackingNo} 已超期` }]);
    expect(await outbox()).toMatchObject({ deadlineStatus: 'overdue', escalatedAt: expect.any(String), state: 'sent' });
  });
});
