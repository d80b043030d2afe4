import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUnit, buildUser, buildWorld, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { allEvents, buildReport, eventsOf, LEGAL_BASIS, notificationsOf, reportById } from '../../../test/report-factories';
import { deadlines, reportTransfers } from '../../db/schema';

let t: TestApp;
let w: World;
let handler: Agent;
let handlerB: Agent;
let partner: Agent;
let partner2: Agent;
let partner2Id: string;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t.s.db);
  const dept2 = await buildUnit(t.s.db, { jurisdictionId: w.city.id, kind: 'department' });
  const [h, hb, p2] = await Promise.all([
    buildUser(t.s.db, { unitId: w.officeA.id, roles: ['handler'] }),
    buildUser(t.s.db, { unitId: w.officeB.id, roles: ['handler'] }),
    buildUser(t.s.db, { unitId: dept2.id, roles: ['partner'] }),
  ]);
  partner2Id = p2.id;
  [handler, handlerB, partner, partner2] = await Promise.all([signIn(t.app, h.username), signIn(t.app, hb.username), signIn(t.app, w.users.partner.username), signIn(t.app, p2.username)]);
});
afterAll(() => t.close());

const referral = (toUnitId: string, o: Record<string, unknown> = {}) => ({
  kind: 'referral', legalBasis: LEGAL_BASIS, reasons: '该账号涉嫌电信网络诈骗，需公安机关依法查处。', toUnitId, transferKind: 'police',
  note: '请核查该账号涉嫌诈骗的线索，并于期限内函复处理结果。', ...o,
});

async function referred(contact?: { phone?: string; email?: string; shareWithPartners?: boolean }) {
  const r = await buildReport(t.s.db, { jurisdiction: w.districtA, secrets: t.s.secrets, contact });
  const res = await handler.post(`/api/reports/${r.id}/disposals`, referral(w.police.id));
  expect(res.statusCode).toBe(200);
  const [tr] = await t.s.db.select().from(reportTransfers).where(eq(reportTransfers.reportId, r.id));
  return { r, tr: tr! };
}

describe('referral to a partner department', () => {
  it('walks 移交 → 签收 → 回函 → back to 处置中 → 已处置, with events on the transfer and the report', async () => {
    const { r, tr } = await referred({ phone: '13812345678', shareWithPartners: true });
    expect((await reportById(t.s.db, r.id)).state).toBe('transferred');
    expect(tr).toMatchObject({ state: 'sent', includeContact: true, kind: 'police' });
    expect(await notificationsOf(t.s.db, w.users.partner.id, 'transfer.sent')).toHaveLength(1);

    const inbox = (await partner.get('/api/transfers?state=sent')).json();
    const mine = inbox.items.find((x: { id: string }) => x.id === tr.id);
    expect(mine).toMatchObject({ trackingNo: r.trackingNo, reporterContact: '13812345678', toUnitId: w.police.id, urgeCount: 0 });
    expect(mine.dueAt).toBeTruthy();

    expect((await partner.post(`/api/transfers/${tr.id}/sign`)).json()).toMatchObject({ state: 'signed' });
    const replied = await partner.post(`/api/transfers/${tr.id}/reply`, { text: '经核查，该账号已由我支队依法立案调查。' });
    expect(replied.statusCode).toBe(200);
    expect(replied.json()).toMatchObject({ state: 'replied', replyText: '经核查，该账号已由我支队依法立案调查。' });
    expect((await reportById(t.s.db, r.id)).state).toBe('disposing');
    const [clock] = await t.s.db.select().from(deadlines).where(and(eq(deadlines.subjectType, 'transfer'), eq(deadlines.subjectId, tr.id)));
    expect(clock!.state).toBe('met');

    const done = await handler.post(`/api/reports/${r.id}/complete`, {});
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'disposed', outcome: 'referred' });
    const te = await eventsOf(t.s.db, 'transfer', tr.id);
    expect(te.map((e) => e.action)).toEqual(['transfer.sent', 'deadline.started', 'transfer.signed', 'transfer.replied', 'deadline.met']);
    expect(te.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(te[1]!.prevHash).toBe(te[0]!.hash);
    const re = (await eventsOf(t.s.db, 'report', r.id)).map((e) => e.action);
    expect(re).toEqual(expect.arrayContaining(['report.transfer', 'report.transfer_signed', 'report.transfer_replied', 'report.transfer_settled', 'report.complete']));
    expect((await eventsOf(t.s.db, 'report', r.id)).find((e) => e.action === 'report.transfer')!.payload).toMatchObject({ kind: 'referral', legalBasis: LEGAL_BASIS });

    // A finished transfer takes no further step, and a refused step writes nothing.
    const before = await allEvents(t.s.db);
    for (const [path, body] of [['sign', undefined], ['reply', { text: '再次回函内容。' }], ['return', { reason: '重复退回' }]] as const) {
      const res = await partner.post(`/api/transfers/${tr.id}/${path}`, body);
      expect([path, res.statusCode, res.json().code]).toEqual([path, 409, 'transfer.invalid_transition']);
    }
    expect((await handler.post(`/api/transfers/${tr.id}/urge`, { reason: '请尽快办理' })).statusCode).toBe(409);
    expect(await allEvents(t.s.db)).toBe(before);
  });

  it('withholds the reporter’s contact unless they agreed, and masks it for the office', async () => {
    const { tr: withheld } = await referred({ phone: '13900001111', shareWithPartners: false });
    const { tr: shared } = await referred({ email: 'reporter@example.cn', shareWithPartners: true });
    expect(withheld.includeContact).toBe(false);
    expect((await partner.get(`/api/transfers/${withheld.id}`)).json().reporterContact).toBeNull();
    expect((await partner.get(`/api/transfers/${shared.id}`)).json().reporterContact).toBe('reporter@example.cn');
    const outbox = (await handler.get('/api/transfers/outbox?limit=200')).json().items as { id: string; reporterContact: string | null }[];
    expect(outbox.find((x) => x.id === shared.id)!.reporterContact).toBe('r***@example.cn');
    expect(outbox.find((x) => x.id === withheld.id)!.reporterContact).toBeNull();
  });

  it('shows a transfer only to its department and to the office in whose jurisdiction the report is', async () => {
    const { tr } = await referred();
    expect((await partner2.get(`/api/transfers/${tr.id}`)).statusCode).toBe(404);
    expect((await partner2.get('/api/transfers')).json().items.map((x: { id: string }) => x.id)).not.toContain(tr.id);
    const before = await allEvents(t.s.db);
    expect((await partner2.post(`/api/transfers/${tr.id}/sign`)).statusCode).toBe(404);
    expect((await handlerB.post(`/api/transfers/${tr.id}/urge`, { reason: '请尽快办理' })).statusCode).toBe(404);
    expect((await handlerB.get('/api/transfers/outbox?limit=200')).json().items.map((x: { id: string }) => x.id)).not.toContain(tr.id);
    expect(await allEvents(t.s.db)).toBe(before);
    expect(await notificationsOf(t.s.db, partner2Id, 'transfer.sent')).toHaveLength(0);
  });

  it('urges an open transfer, blocks completion while it is open, and settles on return', async () => {
    const { r, tr } = await referred();
    const urged = await handler.post(`/api/transfers/${tr.id}/urge`, { reason: '已临近办理期限，请尽快办理。' });
    expect(urged.json()).toMatchObject({ urgeCount: 1, state: 'sent' });
    expect((await notificationsOf(t.s.db, w.users.partner.id, 'transfer.urged')).filter((n) => n.subjectId === tr.id)).toHaveLength(1);

    const before = await allEvents(t.s.db);
    const blocked = await handler.post(`/api/reports/${r.id}/complete`, {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'report.open_subcases', details: { transfers: [{ id: tr.id, state: 'sent' }], orders: [] } });
    expect(await allEvents(t.s.db)).toBe(before);

    const returned = await partner.post(`/api/transfers/${tr.id}/return`, { reason: '不属于本部门职责范围' });
    expect(returned.json()).toMatchObject({ state: 'returned', returnReason: '不属于本部门职责范围' });
    expect((await reportById(t.s.db, r.id)).state).toBe('disposing');
    // the returned referral disposed of nothing: another disposal is needed before completing
    expect((await handler.post(`/api/reports/${r.id}/complete`, {})).json().code).toBe('report.disposal_invalid');
  });
});

describe('disposal input', () => {
  it('refuses a referral to a unit that is not a partner department, writing nothing', async () => {
    const r = await buildReport(t.s.db, { jurisdiction: w.districtA });
    const before = await allEvents(t.s.db);
    for (const unitId of [w.officeB.id, w.cityOffice.id]) {
      const res = await handler.post(`/api/reports/${r.id}/disposals`, referral(unitId));
      expect([res.statusCode, res.json().code, res.json().details]).toEqual([422, 'report.disposal_invalid', { field: 'toUnitId' }]);
    }
    const order = await handler.post(`/api/reports/${r.id}/disposals`, {
      kind: 'order_platform', legalBasis: LEGAL_BASIS, reasons: '发布诈骗信息，违反相关规定。', platformUnitId: w.police.id, measure: 'remove', requirement: '删除相关链接。',
    });
    expect(order.json().code).toBe('report.disposal_invalid');
    expect((await handler.post(`/api/reports/${r.id}/disposals`, { ...referral(w.police.id), legalBasis: [] })).statusCode).toBe(400);
    expect(await allEvents(t.s.db)).toBe(before);
  });

  it('hides other jurisdictions’ reports and refuses disposal before assessment', async () => {
    const r = await buildReport(t.s.db, { jurisdiction: w.districtA });
    expect((await handlerB.post(`/api/reports/${r.id}/disposals`, referral(w.police.id))).statusCode).toBe(404);
    const early = await buildReport(t.s.db, { jurisdiction: w.districtA, state: 'accepted' });
    const res = await handler.post(`/api/reports/${early.id}/disposals`, referral(w.police.id));
    expect([res.statusCode, res.json().code]).toEqual([409, 'report.invalid_transition']);
  });

  it('records an account action while a transfer is open without leaving 移交中', async () => {
    const { r } = await referred();
    const res = await handler.post(`/api/reports/${r.id}/disposals`, {
      kind: 'account_action', legalBasis: LEGAL_BASIS, reasons: '账号发布诈骗信息，情节严重。', measure: 'suspend', accountName: r.accountName!,
    });
    expect(res.statusCode).toBe(200);
    expect((await reportById(t.s.db, r.id)).state).toBe('transferred');
    expect((await eventsOf(t.s.db, 'report', r.id)).at(-1)).toMatchObject({ action: 'report.disposal_added', payload: { kind: 'account_action', measure: 'suspend' } });
  });
});
