import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, testDb, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { eventCount, publicReport, reportByTracking } from '../../../test/report-helpers';
import { deadlines, events, registryEntities, reportBatches, reports } from '../../db/schema';

let t: TestApp;
let w: World;
let officer: Agent;
let officerId: string;
let analyst: Agent;
let volunteer: Agent;

/** A staff-entered report in district A, returned as its detail. */
async function newReport(agent = officer, o: Record<string, unknown> = {}) {
  const { goodFaith: _g, ...body } = publicReport(o);
  const res = await agent.post('/api/reports', { ...body, channel: 'phone' });
  expect(res.statusCode).toBe(201);
  const row = await reportByTracking(t.s.db, res.json().trackingNo);
  return row;
}

beforeAll(async () => {
  w = await buildWorld((await testDb()).db);
  t = await buildTestApp({ PUBLIC_JURISDICTION_CODE: w.city.code }, new Date('2026-11-23T02:00:00Z'));
  const o = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake', 'analyst', 'handler'] });
  const a = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['analyst'] });
  const v = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['volunteer'] });
  officerId = o.id;
  [officer, analyst, volunteer] = await Promise.all([signIn(t.app, o.username), signIn(t.app, a.username), signIn(t.app, v.username)]);
});
afterAll(() => t.close());

describe('intake decisions', () => {
  it('accept meets the accept clock and starts the dispose clock; the detail shows the next actions', async () => {
    const r = await newReport();
    const res = await officer.post(`/api/reports/${r.id}/accept`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'accepted' });
    expect(res.json().allowedActions).toEqual(expect.arrayContaining(['assess', 'merge', 'claim']));
    const clocks = await t.s.db.select().from(deadlines).where(eq(deadlines.subjectId, r.id));
    expect(clocks.map((c) => [c.kind, c.state])).toEqual(expect.arrayContaining([['report.accept', 'met'], ['report.dispose', 'running']]));
    expect(res.json().timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['report.submitted', 'report.accept', 'deadline.met']));
  });

  it('reject needs a reason code and records it; a second accept is a 409 that writes nothing', async () => {
    const r = await newReport();
    const missing = await officer.post(`/api/reports/${r.id}/reject`, { reason: '不属于有害信息' });
    expect(missing.statusCode).toBe(400);
    const ok = await officer.post(`/api/reports/${r.id}/reject`, { reasonCode: 'not_harmful_info', reason: '经核查为正常商业宣传' });
    expect(ok.json()).toMatchObject({ state: 'rejected', rejectReason: 'not_harmful_info', outcome: 'rejected' });
    const before = await eventCount(t.s.db, r.id);
    const again = await officer.post(`/api/reports/${r.id}/accept`, {});
    expect([again.statusCode, again.json().code]).toEqual([409, 'report.invalid_transition']);
    expect(await eventCount(t.s.db, r.id)).toBe(before);
  });

  it('merge and split are audited, move cluster counts and clocks, and refuse merging into oneself', async () => {
    const primary = await newReport();
    const dup = await newReport();
    const self = await officer.post(`/api/reports/${dup.id}/merge`, { intoId: dup.id, reason: '重复举报' });
    expect([self.statusCode, self.json().code]).toEqual([422, 'report.merge_invalid']);
    const merged = await officer.post(`/api/reports/${dup.id}/merge`, { intoId: primary.id, reason: '同一账号同一内容' });
    expect(merged.json()).toMatchObject({ state: 'merged', mergedIntoId: primary.id, mergedIntoTrackingNo: primary.trackingNo });
    const p = (await officer.get(`/api/reports/${primary.id}`)).json();
    expect(p.clusterSize).toBe(2);
    expect(p.members.map((m: { id: string }) => m.id)).toEqual([dup.id]);
    const split = await officer.post(`/api/reports/${dup.id}/split`, { reason: '内容不同，单独办理' });
    expect(split.json()).toMatchObject({ state: 'submitted', mergedIntoId: null });
    expect((await officer.get(`/api/reports/${primary.id}`)).json().clusterSize).toBe(1);
    const running = await t.s.db.select().from(deadlines).where(and(eq(deadlines.subjectId, dup.id), eq(deadlines.state, 'running')));
    expect(running.map((d) => d.kind)).toEqual(['report.accept']);
  });

  it('forwards down to a town office within scope, never sideways to another district', async () => {
    const r = await newReport();
    const sideways = await officer.post(`/api/reports/${r.id}/forward`, { jurisdictionId: w.districtB.id, reason: '属地为乙区' });
    expect([sideways.statusCode, sideways.json().code]).toEqual([403, 'jurisdiction.out_of_scope']);
    const down = await officer.post(`/api/reports/${r.id}/forward`, { jurisdictionId: w.townA.id, reason: '属地为镇街' });
    expect(down.json()).toMatchObject({ state: 'submitted', jurisdictionId: w.townA.id });
    const [ev] = await t.s.db.select().from(events).where(and(eq(events.subjectId, r.id), eq(events.action, 'report.forwarded')));
    expect(ev!.payload).toMatchObject({ from: w.districtA.id, to: w.townA.id });
  });

  it('assessment corrects the category and records severity; claim and release hold the item', async () => {
    const r = await newReport();
    await officer.post(`/api/reports/${r.id}/accept`, {});
    const bad = await analyst.post(`/api/reports/${r.id}/assessment`, { categoryCode: 'nope', severity: 3, note: '研判' });
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'report.unknown_category']);
    // the entity concerned must be a registry entity in scope (registry.entity_unknown otherwise)
    const entity = (await analyst.post('/api/registry/entities', { name: uniq('赌博引流屏'), type: 'led_screen', grade: 'watch' })).json();
    const unknown = await analyst.post(`/api/reports/${r.id}/assessment`, { severity: 4, entityRef: 'entity:demo', note: '实为赌博引流' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([422, 'registry.entity_unknown']);
    const res = await analyst.post(`/api/reports/${r.id}/assessment`, { categoryCode: 'gambling', severity: 4, entityRef: entity.id, note: '实为赌博引流' });
    expect(res.json()).toMatchObject({ state: 'assessing', categoryCode: 'gambling', severity: 4, entityRef: entity.id });
    // the detail names the entity (name, type, grade, jurisdiction) so nobody has to read the id
    const detail = (await officer.get(`/api/reports/${r.id}`)).json();
    expect(detail.entity).toEqual({ id: entity.id, name: entity.name, type: 'led_screen', grade: 'watch', jurisdictionName: w.districtA.name });
    const claimed = await analyst.post(`/api/reports/${r.id}/claim`);
    expect(claimed.json().assigneeName).toBeTruthy();
    expect(claimed.json().allowedActions).toContain('release');
    const released = await analyst.post(`/api/reports/${r.id}/release`);
    expect(released.json().assigneeId).toBeNull();
    const mine = await analyst.get('/api/reports?queue=mine');
    expect(mine.json().items.map((i: { id: string }) => i.id)).not.toContain(r.id);
  });

  it('never names an entity of another jurisdiction in the detail, though the reference stays', async () => {
    const r = await newReport();
    const [other] = await t.s.db.insert(registryEntities).values({
      name: '乙区某网站', nameNorm: '乙区某网站', type: 'website', jurisdictionId: w.districtB.id, jurisdictionPath: w.districtB.path, searchText: '乙区某网站',
    }).returning();
    await t.s.db.update(reports).set({ entityRef: other!.id }).where(eq(reports.id, r.id));
    const detail = (await officer.get(`/api/reports/${r.id}`)).json();
    expect(detail).toMatchObject({ entityRef: other!.id, entity: null });
    expect(JSON.stringify(detail)).not.toContain('乙区某网站');
  });

  it('reveals the contact only to permitted staff, and records every reveal', async () => {
    const { goodFaith: _g, ...body } = publicReport();
    const res = await officer.post('/api/reports', { ...body, channel: 'phone', contact: { phone: '13900001111' } });
    const r = await reportByTracking(t.s.db, res.json().trackingNo);
    expect((await analyst.post(`/api/reports/${r.id}/contact`)).statusCode).toBe(403);
    const shown = await officer.post(`/api/reports/${r.id}/contact`);
    expect(shown.json()).toEqual({ phone: '13900001111', email: null, shareWithPartners: false });
    const [ev] = await t.s.db.select().from(events).where(and(eq(events.subjectId, r.id), eq(events.action, 'report.contact_revealed')));
    expect(ev!.actorId).toBe(officerId);
  });
});

describe('bulk actions', () => {
  it('previews exactly what will change, changes nothing until confirmed, then records one batch', async () => {
    const a = await newReport();
    const b = await newReport();
    const done = await newReport();
    await officer.post(`/api/reports/${done.id}/accept`, {});
    const input = { action: 'accept', ids: [a.id, b.id, done.id], params: {} };
    const before = await eventCount(t.s.db);
    const preview = await officer.post('/api/reports/bulk/preview', input);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ applicable: 2, skipped: 1 });
    expect(preview.json().items.find((i: { id: string }) => i.id === done.id)).toMatchObject({ ok: false, error: 'report.invalid_transition' });
    expect(await eventCount(t.s.db)).toBe(before);
    expect((await reportByTracking(t.s.db, a.trackingNo)).state).toBe('submitted');
    const applied = await officer.post('/api/reports/bulk', input);
    expect(applied.json()).toMatchObject({ applied: 2, skipped: 1 });
    const batch = await officer.get(`/api/reports/batches/${applied.json().batchId}`);
    expect(batch.json().items.filter((i: { action: string }) => i.action === 'report.accept').map((i: { reportId: string }) => i.reportId).sort()).toEqual([a.id, b.id].sort());
    expect((await t.s.db.select().from(reportBatches).where(eq(reportBatches.id, applied.json().batchId)))[0]).toMatchObject({ applied: 2, skipped: 1 });
  });

  it('selects by the current filter, and refuses a missing parameter', async () => {
    const r = await newReport();
    const byFilter = await officer.post('/api/reports/bulk/preview', { action: 'assign', filter: { queue: 'new', q: r.trackingNo }, params: { userId: officerId } });
    expect(byFilter.json()).toMatchObject({ applicable: 1, skipped: 0 });
    expect(byFilter.json().items[0]).toMatchObject({ id: r.id, ok: true });
    const missing = await officer.post('/api/reports/bulk/preview', { action: 'assign', ids: [r.id], params: {} });
    expect([missing.statusCode, missing.json().code]).toEqual([400, 'request.invalid']);
  });
});

describe('trusted reporters', () => {
  it('a volunteer submits with priority and sees their own reports; staff see their accuracy', async () => {
    const { goodFaith: _g, ...body } = publicReport({ description: `${uniq()} 某直播间主播宣扬网络赌博，引导观众下载赌博应用。` });
    const res = await volunteer.post('/api/reports/trusted', body);
    expect(res.statusCode).toBe(201);
    const row = await reportByTracking(t.s.db, res.json().trackingNo);
    expect(row).toMatchObject({ channel: 'trusted', priority: 10 });
    const mine = await volunteer.get('/api/reports/trusted/mine');
    expect(mine.json().items[0]).toMatchObject({ trackingNo: row.trackingNo, stage: 'submitted' });
    const detail = (await officer.get(`/api/reports/${row.id}`)).json();
    expect(detail).toMatchObject({ trusted: true, reporterAccuracy: { decided: 0, upheld: 0 } });
    expect((await volunteer.get(`/api/reports/${row.id}`)).statusCode).toBe(403);
  });
});

describe('deadlines per category', () => {
  it('a leader sets the dispose deadline of a category; new clocks use it, the change is on the log', async () => {
    const leader = await signIn(t.app, w.users.leader.username);
    const bad = await leader.put('/api/reports/sla/no-such', { accept: 1, dispose: 3, reply: 2, reason: '专项整治' });
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'report.unknown_category']);
    expect((await officer.put('/api/reports/sla/porn', { accept: 1, dispose: 3, reply: 2, reason: '专项整治' })).statusCode).toBe(403);
    const ok = await leader.put('/api/reports/sla/porn', { accept: 1, dispose: 2, reply: 1, reason: '专项整治期间从快处置' });
    expect(ok.json().categories).toContainEqual(expect.objectContaining({ categoryCode: 'porn', dispose: 2 }));
    const r = await newReport(officer, { categoryCode: 'porn' });
    await officer.post(`/api/reports/${r.id}/accept`, {});
    const [clock] = await t.s.db.select().from(deadlines).where(and(eq(deadlines.subjectId, r.id), eq(deadlines.kind, 'report.dispose')));
    expect(clock!.amount).toBe(2);
    const [ev] = await t.s.db.select().from(events).where(and(eq(events.subjectType, 'report_sla'), eq(events.subjectId, 'porn')));
    expect(ev!.payload).toMatchObject({ after: { dispose: 2 } });
    await leader.put('/api/reports/sla/porn', { accept: 1, dispose: 5, reply: 2, reason: '专项整治结束，恢复默认' });
  });
});

describe('reporter record', () => {
  /** A description sharing no run of three characters with any other test's. */
  const unlike = () => Array.from({ length: 36 }, () => String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 20000))).join('');
  const fromPhone = (phone: string) => newReport(officer, { urls: [`https://example.cn/${uniq()}`], description: unlike(), contact: { phone } });

  it('flags a reporter whose recent reports were repeatedly unfounded, found by their contact whatever its format', async () => {
    const digits = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    for (const [i, code] of (['not_harmful_info', 'malicious', 'not_harmful_info'] as const).entries()) {
      const r = await fromPhone(i === 1 ? `+86 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}` : digits);
      expect((await officer.post(`/api/reports/${r.id}/reject`, { reasonCode: code, reason: '经核查举报内容不实' })).statusCode).toBe(200);
    }
    const fourth = await fromPhone(digits);
    const detail = (await officer.get(`/api/reports/${fourth.id}`)).json();
    expect(detail.reporterRecord).toEqual({ basis: 'contact', days: 180, total: 4, decided: 3, unfounded: 3, flagged: true });
    expect(detail.related.filter((x: { relation: string }) => x.relation === 'same_reporter')).toHaveLength(3);
    // the contact itself never appears in the key or the detail
    expect(fourth.contactKey).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(detail)).not.toContain(digits.slice(3, 7));

    // another reporter: a record of one, no flag; a refusal for insufficient information is not "unfounded"
    const other = await fromPhone(`137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
    await officer.post(`/api/reports/${other.id}/reject`, { reasonCode: 'insufficient_info', reason: '缺少链接，无法核查' });
    expect((await officer.get(`/api/reports/${other.id}`)).json().reporterRecord).toMatchObject({ total: 1, decided: 1, unfounded: 0, flagged: false });
  });
});
