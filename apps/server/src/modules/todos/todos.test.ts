import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { BUILTIN_ROLES } from '@tianlang/contracts';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUnit, buildUser, buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { buildReport, LEGAL_BASIS } from '../../../test/report-factories';
import { events, patrolItems, platformOrders, rectifications, registryEntities, registryTasks, reportTransfers } from '../../db/schema';

/**
 * The to-do catalogue: what waits for whom. Each place (district A, district B, the city) has work of
 * every kind waiting; a user of A sees A's (and its towns') only, gets only the kinds their permissions
 * allow, and every count equals its list.
 */
let t: TestApp;
let w: World;
type Place = 'A' | 'B' | 'C';
const ids: Record<Place, Set<string>> = { A: new Set(), B: new Set(), C: new Set() };
const staff: Partial<Record<Place, Agent>> = {};
const staffIds: Partial<Record<Place, string>> = {};
let partner: Agent;
let liaison: Agent;

type Item = { id: string; title: string; subtitle: string | null; dueAt: string | null; overdue: boolean; link: string };
type Summary = { items: { code: string; label: string; count: number; link: string }[] };

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t.s.db);
  const db = t.s.db;
  const platform = await buildUnit(db, { jurisdictionId: w.city.id, kind: 'platform' });
  liaison = await signIn(t.app, (await buildUser(db, { unitId: platform.id, roles: ['platform_liaison'] })).username);
  partner = await signIn(t.app, w.users.partner.username);
  const place = { A: { j: w.districtA, office: w.officeA }, B: { j: w.districtB, office: w.officeB }, C: { j: w.city, office: w.cityOffice } };
  for (const p of ['A', 'B', 'C'] as const) {
    const { j, office } = place[p];
    const me = await buildUser(db, { unitId: office.id, roles: [...BUILTIN_ROLES] });
    const other = await buildUser(db, { unitId: office.id, roles: ['analyst'] });
    staff[p] = await signIn(t.app, me.username);
    staffIds[p] = me.id;
    const mine = (id: string) => { ids[p].add(id); return id; };
    for (const state of ['submitted', 'accepted', 'assessing', 'disposing', 'disposed'] as const) mine((await buildReport(db, { jurisdiction: j, state })).id);
    if (p === 'A') mine((await buildReport(db, { jurisdiction: w.townA, state: 'submitted' })).id);
    // held by someone else: it waits for them, not for the queue
    await buildReport(db, { jurisdiction: j, state: 'assessing', assigneeId: other.id });
    await buildReport(db, { jurisdiction: j, state: 'closed' });

    const referred = await buildReport(db, { jurisdiction: j, state: 'disposing' });
    const ref = await staff[p]!.post(`/api/reports/${referred.id}/disposals`, {
      kind: 'referral', legalBasis: LEGAL_BASIS, reasons: '该账号涉嫌电信网络诈骗，需公安机关依法查处。', toUnitId: w.police.id, transferKind: 'police',
      note: '请核查该账号涉嫌诈骗的线索，并于期限内函复处理结果。',
    });
    expect(ref.statusCode, ref.body).toBeLessThan(300);
    mine((await db.select().from(reportTransfers).where(eq(reportTransfers.reportId, referred.id)))[0]!.id);
    const ordered = await buildReport(db, { jurisdiction: j, state: 'disposing' });
    const ord = await staff[p]!.post(`/api/reports/${ordered.id}/disposals`, {
      kind: 'order_platform', legalBasis: LEGAL_BASIS, reasons: '该信息为诈骗引流信息，违反《网络信息内容生态治理规定》。',
      platformUnitId: platform.id, measure: 'remove', requirement: '请删除举报链接所指信息，并反馈处置结果。', dueHours: 24,
    });
    expect(ord.statusCode, ord.body).toBeLessThan(300);
    mine((await db.select().from(platformOrders).where(eq(platformOrders.reportId, ordered.id)))[0]!.id);
    // the ordered report stays in 待处置 (the referred one now waits for the department)
    mine(ordered.id);

    const source = await staff[p]!.post('/api/patrol/sources', { kind: 'manual', name: uniq(`${p}来源`), unitId: office.id });
    expect(source.statusCode, source.body).toBeLessThan(300);
    const [item] = await db.insert(patrolItems).values({ sourceId: source.json().id, unitId: office.id, externalId: uniq(), fetchedAt: new Date(), text: `${uniq(p)} 待复核内容`,
      sha256: uniq(), lexiconVersion: 1, hitCount: 1, status: 'pending' }).returning();
    mine(item!.id);

    const [entity] = await db.insert(registryEntities).values({ name: uniq(`${p}网站`), nameNorm: uniq(), type: 'website', jurisdictionId: j.id, jurisdictionPath: j.path,
      grade: 'general', status: 'active', searchText: uniq() }).returning();
    const [task] = await db.insert(registryTasks).values({ entityId: entity!.id, officerIds: [me.id, other.id], dueAt: new Date(Date.now() + 86_400_000), deadlineStatus: 'on_time' }).returning();
    mine(task!.id);
    await db.insert(registryTasks).values({ entityId: entity!.id, officerIds: [other.id], dueAt: new Date(Date.now() + 86_400_000) });
    const [rect] = await db.insert(rectifications).values({ entityId: entity!.id, sourceType: 'registry_inspection', sourceId: task!.id, requirement: '整改备案信息',
      jurisdictionId: entity!.jurisdictionId, jurisdictionPath: entity!.jurisdictionPath, dueAt: new Date(Date.now() - 86_400_000), deadlineStatus: 'overdue' }).returning();
    mine(rect!.id);
    await db.insert(rectifications).values({ entityId: entity!.id, sourceType: 'registry_inspection', sourceId: task!.id, requirement: '尚在期限内',
      jurisdictionId: entity!.jurisdictionId, jurisdictionPath: entity!.jurisdictionPath, dueAt: new Date(Date.now() + 86_400_000), deadlineStatus: 'on_time' });
  }
}, 120_000);
afterAll(() => t?.close());

const summary = async (a: Agent): Promise<Summary> => {
  const res = await a.get('/api/todos');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const list = async (a: Agent, code: string): Promise<{ items: Item[]; total: number }> => {
  const res = await a.get(`/api/todos/${code}?limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('to-dos', () => {
  it('counts equal the lists, for every kind and user', async () => {
    for (const a of [staff.A!, staff.B!, staff.C!, partner, liaison]) {
      const s = await summary(a);
      expect(s.items.length).toBeGreaterThan(0);
      for (const k of s.items) {
        const l = await list(a, k.code);
        expect([k.code, k.count, l.total, l.items.length]).toEqual([k.code, l.total, l.total, l.total]);
        for (const x of l.items) expect(x.link).toMatch(/^\/console\//);
      }
    }
  });

  it('gives a district user the work of their district and its towns, none of the sibling\'s or the city\'s', async () => {
    const s = await summary(staff.A!);
    // every kind (all roles held); the office's own inboxes are empty: transfers and orders go to other units
    expect(Object.fromEntries(s.items.map((x) => [x.code, x.count]))).toEqual({
      'reports.accept': 2, 'reports.assess': 2, 'reports.dispose': 2, 'reports.reply': 1, 'transfers.sign': 0, 'transfers.reply': 0, 'orders.answer': 0,
      'patrol.review': 1, 'registry.inspect': 1, 'registry.rectification_overdue': 1,
    });
    const seen = new Set<string>();
    for (const k of s.items) for (const x of (await list(staff.A!, k.code)).items) seen.add(x.id);
    for (const id of seen) expect([id, ids.B.has(id) || ids.C.has(id)]).toEqual([id, false]);
    expect([...seen].filter((id) => ids.A.has(id)).length).toBeGreaterThanOrEqual(10);
    // the city sees its own and both districts'
    const city = Object.fromEntries((await summary(staff.C!)).items.map((x) => [x.code, x.count]));
    expect(city['reports.accept']).toBe(4);
    expect(city['registry.rectification_overdue']).toBe(3);
    // the inspection task waits only for the officers drawn for it
    expect(city['registry.inspect']).toBe(1);
  });

  it('gives a unit its inbox: the partner department its transfers, the platform its orders', async () => {
    const p = await summary(partner);
    expect(p.items.map((x) => [x.code, x.count])).toEqual([['transfers.sign', 3], ['transfers.reply', 0]]);
    const sign = (await list(partner, 'transfers.sign')).items;
    expect(new Set(sign.map((x) => x.id))).toEqual(new Set([...ids.A, ...ids.B, ...ids.C].filter((id) => sign.some((x) => x.id === id))));
    expect(sign.every((x) => x.title.startsWith('JB') && x.link === '/console/reports/transfers')).toBe(true);
    const transferId = sign[0]!.id;
    expect((await partner.post(`/api/transfers/${transferId}/sign`, {})).statusCode).toBeLessThan(300);
    expect((await summary(partner)).items.map((x) => [x.code, x.count])).toEqual([['transfers.sign', 2], ['transfers.reply', 1]]);
    expect((await list(partner, 'transfers.reply')).items.map((x) => x.id)).toEqual([transferId]);
    expect((await summary(liaison)).items.map((x) => [x.code, x.count])).toEqual([['orders.answer', 3]]);
  });

  it('leaves out the kinds a user may not have, and refuses their lists', async () => {
    const intake = await signIn(t.app, w.users.intakeA.username);
    const kinds = (await summary(intake)).items.map((x) => x.code);
    expect(kinds).toEqual(['reports.accept', 'reports.reply']);
    for (const code of ['reports.assess', 'patrol.review', 'registry.rectification_overdue', 'transfers.sign', 'orders.answer']) {
      const res = await intake.get(`/api/todos/${code}`);
      expect([code, res.statusCode, res.json().code]).toEqual([code, 403, 'auth.forbidden']);
    }
    expect((await summary(partner)).items.every((x) => x.code.startsWith('transfers.'))).toBe(true);
  });

  it('answers an unknown kind and bad paging with 4xx, and writes nothing', async () => {
    const before = (await t.s.db.select({ n: count() }).from(events))[0]!.n;
    const unknown = await staff.A!.get('/api/todos/nope');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'todo.unknown_kind']);
    for (const url of ['/api/todos/reports.accept?limit=0', '/api/todos/reports.accept?limit=201', '/api/todos/reports.accept?offset=-1', '/api/todos/reports.accept?x=1']) {
      const res = await staff.A!.get(url);
      expect([url, res.statusCode, res.json().code]).toEqual([url, 400, 'request.invalid']);
    }
    expect((await t.s.db.select({ n: count() }).from(events))[0]!.n).toBe(before);
  });
});
