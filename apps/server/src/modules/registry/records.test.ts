import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { deadlines, events, registryInspections, registryTasks } from '../../db/schema';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { signIn, type Agent } from '../../../test/agent';
import { PDF } from '../../../test/evidence-fixtures';
import { buildReport, LEGAL_BASIS } from '../../../test/report-factories';
import { buildUnit, buildUser } from '../../../test/factories';
import { buildRegistryWorld, websiteInput } from '../../../test/registry-factories';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildRegistryWorld>>;
let district: Agent; let town: Agent;
const officers = () => [w.u.officer1.id, w.u.officer2.id];
beforeAll(async () => {
  t = await buildTestApp({}, new Date('2026-03-02T02:00:00Z'));
  w = await buildRegistryWorld(t.s.db);
  [district, town] = await Promise.all([w.u.district, w.u.town].map((u) => signIn(t.app, u.username))) as [Agent, Agent];
});
afterAll(() => t.close());

const create = async (a: Agent, o: Record<string, unknown> = {}) => (await a.post('/api/registry/entities', websiteInput(o))).json();
const actions = async (id: string) => (await t.s.db.select().from(events).where(and(eq(events.subjectType, 'registry_entity'), eq(events.subjectId, id))).orderBy(events.seq)).map((e) => e.action);
const upload = async (a: Agent) => (await a.req('POST', '/api/registry/files', PDF, { 'content-type': 'application/pdf', 'x-filename': encodeURIComponent('承诺书.pdf') })).json();

describe('pledges, inspections, interviews', () => {
  it('records a pledge with its file (sniffed and hashed by the evidence store) and serves the file', async () => {
    const e = await create(district);
    const file = await upload(district);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const res = await district.post(`/api/registry/entities/${e.id}/pledges`, { signedOn: '2026-02-28', signer: '法定代表人', fileToken: file.token });
    expect(res.statusCode, res.body).toBe(201);
    const again = await district.post(`/api/registry/entities/${e.id}/pledges`, { signedOn: '2026-02-28', fileToken: file.token });
    expect([again.statusCode, again.json().code]).toEqual([422, 'registry.file_unknown']);
    const page = (await district.get(`/api/registry/entities/${e.id}`)).json();
    expect(page.pledges).toHaveLength(1);
    expect(page.pledges[0].file.sha256).toBe(file.sha256);
    const dl = await district.get(`/api/registry/entities/${e.id}/files/${page.pledges[0].file.id}`);
    expect([dl.statusCode, dl.headers['content-type']]).toEqual([200, 'application/pdf']);
    const fake = await district.req('POST', '/api/registry/files', Buffer.from('not really a pdf'), { 'content-type': 'application/pdf' });
    expect(fake.statusCode).toBe(422);
    expect(await actions(e.id)).toEqual(['registry.entity_created', 'registry.pledge_recorded']);
  });

  it('records an inspection by two certified officers with rectification deadlines on the deadline engine; one officer or uncertified ones are refused', async () => {
    const e = await create(district);
    const before = (await t.s.db.select({ n: count() }).from(registryInspections))[0]!.n;
    for (const ids of [[w.u.officer1.id], [w.u.officer1.id, w.u.officer1.id], [w.u.officer1.id, w.u.district.id], [w.u.officer1.id, w.u.officerB.id]]) {
      const bad = await district.post(`/api/registry/entities/${e.id}/inspections`, { inspectedOn: '2026-03-01', officerIds: ids, findings: '未落实实名制' });
      expect([ids.length, bad.json().code]).toEqual([ids.length, ids.length < 2 ? 'request.invalid' : 'registry.invalid_officers']);
    }
    expect((await t.s.db.select({ n: count() }).from(registryInspections))[0]!.n).toBe(before);
    const ok = await district.post(`/api/registry/entities/${e.id}/inspections`, {
      inspectedOn: '2026-03-01', officerIds: officers(), findings: '未落实用户实名制，未建立信息巡查制度',
      rectifications: [{ description: '落实后台实名制', days: 10 }, { description: '建立巡查台账', days: 5, unit: 'calendar_days' }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const page = (await district.get(`/api/registry/entities/${e.id}`)).json();
    const rects = page.inspections[0].rectifications;
    expect(rects).toHaveLength(2);
    expect(rects.every((r: { dueAt: string; state: string }) => r.dueAt && r.state === 'open')).toBe(true);
    const clocks = await t.s.db.select().from(deadlines).where(and(eq(deadlines.subjectType, 'registry_rectification'), eq(deadlines.subjectId, rects[0].id)));
    expect(clocks[0]).toMatchObject({ kind: 'registry.rectification', amount: 10, unit: 'working_days', state: 'running' });
    expect(page.scorecard.find((m: { key: string }) => m.key === 'open_rectifications').value).toBe(2);
    // overdue after the period: the sweep moves the clock and the scorecard explains it
    const now = t.clock.now();
    t.clock.advance(20 * 24 * 3600 * 1000);
    await t.s.deadlines.sweep();
    district = await signIn(t.app, w.u.district.username); // sessions expire over 20 days
    const later = (await district.get(`/api/registry/entities/${e.id}`)).json();
    expect(later.scorecard.find((m: { key: string }) => m.key === 'overdue_rectifications').value).toBe(2);
    const fu = await district.post(`/api/registry/rectifications/${rects[0].id}/follow-up`, { result: 'rectified', note: '复查已整改' });
    expect(fu.statusCode).toBe(200);
    const twice = await district.post(`/api/registry/rectifications/${rects[0].id}/follow-up`, { result: 'rectified', note: '再次' });
    expect(twice.json().code).toBe('registry.invalid_transition');
    expect(await actions(e.id)).toEqual(['registry.entity_created', 'registry.inspection_recorded', 'registry.rectification_followed_up']);
    t.clock.set(now);
    [district, town] = await Promise.all([w.u.district, w.u.town].map((u) => signIn(t.app, u.username))) as [Agent, Agent];
  });

  it('records a 约谈 with persons, officers, record file and a rectification deadline', async () => {
    const e = await create(district);
    const file = await upload(district);
    const res = await district.post(`/api/registry/entities/${e.id}/interviews`, {
      heldOn: '2026-03-02', grounds: '平台多次传播网络谣言', persons: [{ name: '王五', position: '内容负责人' }], officerIds: officers(),
      recordFileToken: file.token, rectifications: [{ description: '全面排查整改', days: 15 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const page = (await district.get(`/api/registry/entities/${e.id}`)).json();
    expect(page.interviews[0]).toMatchObject({ grounds: '平台多次传播网络谣言', recordFile: { sha256: file.sha256 } });
    expect(page.interviews[0].officers.map((o: { id: string }) => o.id).sort()).toEqual(officers().sort());
    expect(page.counts).toMatchObject({ interviews: 1, openRectifications: 1 });
    expect(page.timeline.map((x: { action: string }) => x.action)).toEqual(expect.arrayContaining(['registry.interview_recorded', 'deadline.started']));
  });

  it('shows linked reports, their disposals and orders on the timeline, and the scorecard explains each number', async () => {
    const e = await create(district);
    const platform = await buildUnit(t.s.db, { jurisdictionId: w.city.id, kind: 'platform' });
    const handler = await signIn(t.app, (await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['handler', 'analyst'] })).username);
    const liaison = await signIn(t.app, (await buildUser(t.s.db, { unitId: platform.id, roles: ['platform_liaison'] })).username);
    for (let i = 0; i < 2; i++) {
      const r = await buildReport(t.s.db, { jurisdiction: w.districtA, state: 'assessing' });
      const assess = await handler.post(`/api/reports/${r.id}/assessment`, { severity: 3, entityRef: e.id, note: '关联台账对象' });
      expect(assess.statusCode, assess.body).toBe(200);
      const d = await handler.post(`/api/reports/${r.id}/disposals`, { kind: 'order_platform', platformUnitId: platform.id, measure: 'remove', requirement: '删除违规帖文', legalBasis: LEGAL_BASIS, reasons: '传播违法信息，依法处置。' });
      expect(d.statusCode, d.body).toBe(200);
      const order = d.json().orders[0];
      if (i === 0) expect((await liaison.post(`/api/orders/${order.id}/answer`, { answer: 'done', note: '已删除' })).statusCode).toBe(200);
    }
    const page = (await district.get(`/api/registry/entities/${e.id}`)).json();
    expect(page.counts).toMatchObject({ reports: 2, orders: 2 });
    const onTime = page.scorecard.find((m: { key: string }) => m.key === 'orders_on_time');
    expect(onTime).toMatchObject({ value: 100, inputs: { issued: 2, answered: 1, onTime: 1, unanswered: 1 } });
    expect(onTime.explanation).toContain('1 件 ÷ 已答复 1 件');
    expect(page.scorecard.find((m: { key: string }) => m.key === 'repeat_violations')).toMatchObject({ value: 1, inputs: { violatingReports: 2 } });
    const sources = new Set(page.timeline.map((x: { source: string }) => x.source));
    expect([...sources]).toEqual(expect.arrayContaining(['entity', 'report', 'order']));
    const bad = await handler.post(`/api/reports/${(await buildReport(t.s.db, { jurisdiction: w.districtA, state: 'assessing' })).id}/assessment`, { severity: 3, entityRef: '00000000-0000-4000-8000-000000000000', note: '关联' });
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'registry.entity_unknown']);
    const filtered = await handler.get('/api/reports?entityGrade=general&limit=200');
    expect(filtered.statusCode).toBe(200);
    expect(filtered.json().items.length).toBeGreaterThanOrEqual(2);
    expect((await handler.get('/api/reports?entityGrade=key&limit=200')).json().items.map((x: { id: string }) => x.id)).not.toContain(page.reports[0].id);
  });
});

describe('random inspection draw 双随机', () => {
  it('draws N entities and M certified officers from the filter, records the seed, reproduces it, and makes inspection tasks with deadlines', async () => {
    const tag = `抽查${Date.now()}`;
    const made = [];
    for (let i = 0; i < 6; i++) made.push(await create(district, { tags: [tag] }));
    const body = { name: '2026年第一批双随机', filter: { tag }, entityCount: 3, officerCount: 2, seed: 'seed-2026-03', days: 20 };
    expect((await town.post('/api/registry/draws', body)).json().code).toBe('registry.draw_pool_too_small');
    const res = await district.post('/api/registry/draws', body);
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ seed: 'seed-2026-03', algorithm: 'sha256-fisher-yates-v1', entityPool: 6 });
    expect(d.tasks).toHaveLength(3);
    expect(d.tasks.every((x: { officers: unknown[]; dueAt: string }) => x.officers.length === 2 && x.dueAt)).toBe(true);
    expect(made.map((m) => m.id)).toEqual(expect.arrayContaining(d.entityIds));
    const v = (await district.post(`/api/registry/draws/${d.id}/verify`)).json();
    expect(v).toMatchObject({ reproduced: true, entityIds: d.entityIds, officerIds: d.officerIds });
    // the same seed over the same pool draws the same again
    const again = (await district.post('/api/registry/draws', { ...body, name: '复核' })).json();
    expect(again.entityIds).toEqual(d.entityIds);
    // an inspection fulfils a task and stops its clock
    const task = d.tasks[0];
    const ins = await district.post(`/api/registry/entities/${task.entityId}/inspections`, { inspectedOn: '2026-03-05', officerIds: officers(), findings: '未发现问题', taskId: task.id });
    expect(ins.statusCode, ins.body).toBe(201);
    const [row] = await t.s.db.select().from(registryTasks).where(eq(registryTasks.id, task.id));
    expect(row!.state).toBe('done');
    expect((await district.get('/api/registry/draws')).json().items.map((x: { id: string }) => x.id)).toContain(d.id);
    expect((await (await signIn(t.app, w.u.districtB.username)).get(`/api/registry/draws/${d.id}`)).statusCode).toBe(404);
  });
});
