import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, testDb, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { eventCount, publicReport, reportByTracking, reportCount, submitPublic } from '../../../test/report-helpers';
import { canonicalUrl } from '@tianlang/core';
import { deadlines, events } from '../../db/schema';
import { verifyChains } from '../audit';

let t: TestApp;
let w: World;
let intake: Agent;
beforeAll(async () => {
  const handle = await testDb();
  w = await buildWorld(handle.db);
  t = await buildTestApp({ PUBLIC_JURISDICTION_CODE: w.city.code, PUBLIC_FREE_SUBMISSIONS_PER_HOUR: 1000, RATE_LIMIT_PUBLIC_PER_MINUTE: 10_000 }, new Date('2026-11-23T02:00:00Z'));
  const u = await buildUser(t.s.db, { unitId: w.cityOffice.id, roles: ['intake'] });
  intake = await signIn(t.app, u.username);
});
afterAll(() => t.close());

/** Texts that share no run of three characters, so none clusters with another. */
const distinctText = (i: number) => Array.from({ length: 40 }, (_, k) => String.fromCodePoint(0x4e00 + ((i * 997 + k * 131) % 20000))).join('');

describe('public submission', () => {
  it('gives a tracking number and a query code once, stores the contact sealed and masked, starts the accept clock', async () => {
    const res = await submitPublic(t.app, publicReport({ contact: { phone: '13812345678', email: 'li.hua@example.cn', shareWithPartners: true } }));
    expect(res.statusCode).toBe(201);
    const { trackingNo, queryCode } = res.json();
    expect(trackingNo).toMatch(/^JB20261123[0-9A-Z]{8}$/);
    expect(queryCode).toMatch(/^[0-9A-Z]{8}$/);
    const row = await reportByTracking(t.s.db, trackingNo);
    expect(row).toMatchObject({ state: 'submitted', channel: 'web', jurisdictionId: w.city.id, contactShareable: true, contactMasked: '138****5678 / l***@example.cn' });
    expect(row.contactEnc).not.toContain('1381234');
    expect(row.queryCodeHash).not.toContain(queryCode);
    const [clock] = await t.s.db.select().from(deadlines).where(and(eq(deadlines.subjectId, row.id), eq(deadlines.kind, 'report.accept')));
    // Monday 10:00 office time + 1 working day = the end of Tuesday, office time
    expect(clock!.dueAt.toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(row.dueAt?.toISOString()).toBe('2026-11-24T16:00:00.000Z');
    const chain = await t.s.db.select().from(events).where(and(eq(events.subjectType, 'report'), eq(events.subjectId, row.id)));
    expect(chain.map((e) => e.action)).toEqual(['report.submitted', 'deadline.started']);
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
  });

  it('clusters the same post shared from a phone into the open report, and near-identical text too', async () => {
    const id = uniq();
    const first = await submitPublic(t.app, publicReport({ urls: [`https://weibo.com/${id}/NaBc`] }));
    const phone = await submitPublic(t.app, publicReport({ urls: [`http://m.weibo.com/${id}/NaBc/?from=timeline&utm_source=wechat`] }));
    const primary = await reportByTracking(t.s.db, first.json().trackingNo);
    const member = await reportByTracking(t.s.db, phone.json().trackingNo);
    expect(member).toMatchObject({ state: 'merged', mergedIntoId: primary.id, clusterReason: 'same_url' });
    expect((await reportByTracking(t.s.db, primary.trackingNo)).clusterSize).toBe(2);

    const text = `${uniq('群')}群主在多个群内发布"内部渠道"彩票投注链接，称稳赚不赔，要求先充值后返利，已有群成员被骗数千元。`;
    const a = await submitPublic(t.app, publicReport({ urls: [], description: text }));
    const b = await submitPublic(t.app, publicReport({ urls: [], description: `${text.replace('已有群成员', '已经有群成员')}` }));
    const c = await submitPublic(t.app, publicReport({ urls: [], description: `${uniq('屏')}小区门口电子屏夜间播放低俗广告，影响周边未成年人休息和成长。` }));
    const rb = await reportByTracking(t.s.db, b.json().trackingNo);
    expect(rb.mergedIntoId).toBe((await reportByTracking(t.s.db, a.json().trackingNo)).id);
    expect(rb.clusterReason).toMatch(/^similar_text:(0\.[89]\d|1\.00)$/);
    expect((await reportByTracking(t.s.db, c.json().trackingNo)).mergedIntoId).toBeNull();
  });

  it('writes concurrent submissions together, each whole: its own number, row, clock and event chain', async () => {
    const before = t.s.reports.intake.batchStats();
    const stamp = uniq('并发');
    const receipts = await Promise.all(Array.from({ length: 24 }, (_, i) => submitPublic(t.app, publicReport({
      urls: [`https://example.cn/${stamp}/${i}`], description: distinctText(i),
    }))));
    expect(receipts.map((r) => r.statusCode)).toEqual(Array(24).fill(201));
    const numbers = receipts.map((r) => r.json().trackingNo as string);
    expect(new Set(numbers).size).toBe(24);
    for (const trackingNo of numbers) {
      const row = await reportByTracking(t.s.db, trackingNo);
      expect(row).toMatchObject({ state: 'submitted', mergedIntoId: null });
      const chain = await t.s.db.select().from(events).where(and(eq(events.subjectType, 'report'), eq(events.subjectId, row.id)));
      expect(chain.map((e) => [e.seq, e.action])).toEqual([[1, 'report.submitted'], [2, 'deadline.started']]);
      const clocks = await t.s.db.select().from(deadlines).where(eq(deadlines.subjectId, row.id));
      expect(clocks.map((c) => c.dueAt.getTime())).toEqual([row.dueAt!.getTime()]);
    }
    // all went through the batchers (how many shared a statement depends on timing; batching itself is tested in batcher.test.ts)
    const after = t.s.reports.intake.batchStats();
    expect([after.lookups.items - before.lookups.items, after.writes.items - before.writes.items]).toEqual([24, 24]);
  });

  it('lets concurrent copies of one post join its open item together, the item’s chain unbroken', async () => {
    const stamp = uniq('帖');
    const first = (await submitPublic(t.app, publicReport({ urls: [`https://weibo.com/${stamp}/Z9`] }))).json();
    const primary = await reportByTracking(t.s.db, first.trackingNo);
    const copies = await Promise.all(Array.from({ length: 12 }, (_, i) => submitPublic(t.app, publicReport({
      urls: [`https://m.weibo.com/${stamp}/Z9?from=timeline&utm_source=share${i}`], description: distinctText(2000 + i),
    }))));
    expect(copies.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const members = await Promise.all(copies.map((r) => reportByTracking(t.s.db, r.json().trackingNo)));
    expect(members.every((m) => m.state === 'merged' && m.mergedIntoId === primary.id && m.clusterReason === 'same_url')).toBe(true);
    expect((await reportByTracking(t.s.db, first.trackingNo)).clusterSize).toBe(13);
    const chain = await t.s.db.select().from(events).where(and(eq(events.subjectType, 'report'), eq(events.subjectId, primary.id))).orderBy(events.seq);
    expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(chain.slice(2).map((e) => (e.payload as { member: string }).member).sort()).toEqual(members.map((m) => m.id).sort());
    chain.slice(1).forEach((e, i) => expect(e.prevHash).toBe(chain[i]!.hash));
    const { problems } = await verifyChains(t.s.db);
    expect(problems.filter((p) => p.subjectId === primary.id || members.some((m) => m.id === p.subjectId))).toEqual([]);
  });

  it('looks many submissions up in one statement with the same answers as one by one', async () => {
    const stamp = uniq('查');
    const url = `https://weibo.com/${stamp}/Q1`;
    const text = `${stamp}某直播间主播以"内部福利"为名诱导观众私下转账购买高价保健品，称可以治疗慢性病，已有多名老人受骗。`;
    const [byUrl, byText] = [(await submitPublic(t.app, publicReport({ urls: [url] }))).json(), (await submitPublic(t.app, publicReport({ urls: [], description: text }))).json()];
    const { clustering } = t.s.reports;
    const input = (urls: string[], description: string) => {
      const fp = clustering.fingerprint(description);
      return { canonicalUrls: urls, sig: fp?.sig ?? null, lsh: fp?.lsh ?? null };
    };
    const inputs = [
      input([canonicalUrl(`http://m.weibo.com/${stamp}/Q1?from=timeline`)!], distinctText(1001)), // same URL, shared from a phone
      input([], text.replace('已有', '已经有')), // near-identical text
      input([`https://example.cn/${stamp}/none`], distinctText(1000)), // nothing like it
      input([], '……'), // nothing to look by
    ];
    const many = await clustering.lookupMany(t.s.db, inputs);
    const one = await Promise.all(inputs.map((i) => clustering.lookup(t.s.db, i)));
    expect(many).toEqual(one);
    expect(many.map((m) => m && [m.primaryId, m.reason])).toEqual([
      [(await reportByTracking(t.s.db, byUrl.trackingNo)).id, 'url'], [(await reportByTracking(t.s.db, byText.trackingNo)).id, 'text'], null, null,
    ]);
    expect(many[1]!.similarity).toBeGreaterThanOrEqual(0.8);
  });

  it('refuses bad input with a code and writes nothing', async () => {
    const before = await reportCount(t.s.db);
    const eventsBefore = await eventCount(t.s.db);
    const cases: [unknown, number, string][] = [
      [publicReport({ categoryCode: 'no-such-category' }), 422, 'report.unknown_category'],
      [publicReport({ zoneCode: 'fraud' }), 422, 'report.unknown_category'],
      [publicReport({ goodFaith: false }), 400, 'request.invalid'],
      [publicReport({ urls: ['javascript:alert(1)'] }), 400, 'request.invalid'],
      [publicReport({ description: '太短' }), 400, 'request.invalid'],
      [publicReport({ urls: [], platformName: undefined, accountName: undefined }), 400, 'request.invalid'],
      [publicReport({ contact: { phone: 'call me maybe' } }), 400, 'request.invalid'],
      [publicReport({ evidence: ['x'.repeat(43)] }), 422, 'report.evidence_unknown'],
      [{ ...publicReport(), state: 'closed' }, 400, 'request.invalid'],
      [publicReport({ description: 7 }), 400, 'request.invalid'],
    ];
    for (const [body, status, code] of cases) {
      const res = await submitPublic(t.app, body);
      expect([res.statusCode, res.json().code], JSON.stringify(body).slice(0, 80)).toEqual([status, code]);
    }
    const malformed = await t.app.inject({ method: 'POST', url: '/api/public/reports', headers: { 'content-type': 'application/json' }, payload: '{"categoryCode":' });
    expect(malformed.statusCode).toBe(400);
    expect(await reportCount(t.s.db)).toBe(before);
    expect(await eventCount(t.s.db)).toBe(eventsBefore);
  });

  it('stores script in text as text: the status page and the console return it verbatim, never as markup', async () => {
    const xss = `<img src=x onerror=alert(1)><script>alert("x")</script> ${uniq()} 冒充客服诈骗`;
    const res = await submitPublic(t.app, publicReport({ description: xss, accountName: '<b>acc</b>' }));
    const row = await reportByTracking(t.s.db, res.json().trackingNo);
    const detail = await intake.get(`/api/reports/${row.id}`);
    expect(detail.headers['content-type']).toContain('application/json');
    expect(detail.json().description).toBe(xss);
  });
});

describe('status page and review', () => {
  it('shows the staged status only with the right code, the same 404 for a forged code or an unknown number', async () => {
    const { trackingNo, queryCode } = (await submitPublic(t.app, publicReport())).json();
    const ok = await t.app.inject({ method: 'POST', url: '/api/public/reports/status', payload: { trackingNo, queryCode } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ trackingNo, stage: 'submitted', outcome: null, reply: null, canRequestReview: false });
    expect(JSON.stringify(ok.json())).not.toMatch(/contact|description|jurisdiction|actor/i);
    const forged = await t.app.inject({ method: 'POST', url: '/api/public/reports/status', payload: { trackingNo, queryCode: queryCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/public/reports/status', payload: { trackingNo: 'JB20261123ZZZZZZZZ', queryCode } });
    expect([forged.statusCode, forged.json().code]).toEqual([404, 'report.not_found']);
    expect([unknown.statusCode, unknown.json().code, unknown.json().message]).toEqual([404, 'report.not_found', forged.json().message]);
    const review = await t.app.inject({ method: 'POST', url: '/api/public/reports/review', payload: { trackingNo, queryCode, reason: '我认为处理不当，请复查' } });
    expect([review.statusCode, review.json().code]).toEqual([409, 'report.review_used']);
  });
});

describe('staff entry and scoping', () => {
  it('records a phone report in the officer’s jurisdiction; other jurisdictions see 404', async () => {
    const officer = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] });
    const other = await buildUser(t.s.db, { unitId: w.officeB.id, roles: ['intake'] });
    const [a, b] = await Promise.all([signIn(t.app, officer.username), signIn(t.app, other.username)]);
    const { urls: _u, goodFaith: _g, ...body } = publicReport();
    const res = await a.post('/api/reports', { ...body, urls: [`https://example.cn/${uniq()}`], channel: 'phone' });
    expect(res.statusCode).toBe(201);
    const row = await reportByTracking(t.s.db, res.json().trackingNo);
    expect(row).toMatchObject({ channel: 'phone', jurisdictionId: w.districtA.id });
    expect((await a.get(`/api/reports/${row.id}`)).statusCode).toBe(200);
    const hidden = await b.get(`/api/reports/${row.id}`);
    expect([hidden.statusCode, hidden.json().code]).toEqual([404, 'resource.not_found']);
    const acceptOther = await b.post(`/api/reports/${row.id}/accept`, {});
    expect(acceptOther.statusCode).toBe(404);
    const list = await b.get('/api/reports?queue=all&limit=200');
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(row.id);
  });
});
