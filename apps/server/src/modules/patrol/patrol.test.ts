import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, uniq, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { events, lexiconRules, lexiconVersions, patrolItems } from '../../db/schema';

let t: TestApp;
let w: World;
let analyst: Agent;
let analystB: Agent;
let admin: Agent;
/** lexicons and 不规范表述 are set at the root only: a city-level analyst keeps them */
let curator: Agent;
// Unique marks keep this file's terms from meeting other files' texts in the shared database.
const mark = uniq().replace(/[0-9]/g, '');
const TERM = `赌博网${mark}`;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t.s.db);
  const a = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['analyst'] });
  const b = await buildUser(t.s.db, { unitId: w.officeB.id, roles: ['analyst'] });
  const c = await buildUser(t.s.db, { unitId: w.cityOffice.id, roles: ['analyst'] });
  [analyst, analystB, admin, curator] = await Promise.all([signIn(t.app, a.username), signIn(t.app, b.username), signIn(t.app, w.users.adminA.username), signIn(t.app, c.username)]);
});
afterAll(() => t.close());

async function source(kind: 'api' | 'manual' | 'import' | 'feed', agent = analyst, unitId = w.officeA.id, url?: string) {
  const res = await agent.post('/api/patrol/sources', { kind, name: uniq('源'), unitId, ...(url ? { url, intervalMinutes: 5 } : {}) });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('lexicon', () => {
  it('adds a rule as a new version and scans with it at once', async () => {
    const before = (await t.s.db.select({ n: count() }).from(lexiconVersions))[0]!.n;
    const res = await curator.post('/api/patrol/rules', { kind: 'term', pattern: TERM, category: 'gambling', severity: 4, allowContexts: [`禁止${TERM}`] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ pattern: TERM, hits: 0, precision: null, active: true });
    expect((await t.s.db.select({ n: count() }).from(lexiconVersions))[0]!.n).toBe(before + 1);
    const scan = await t.s.patrol.scanner.scan(`这里有${TERM[0]}*${TERM.slice(1)}的广告，禁止${TERM}。`);
    expect(scan.matches).toHaveLength(1);
    expect(scan.matches[0]).toMatchObject({ start: 3, end: 3 + TERM.length + 1, rule: res.json().id, normalizations: ['separators'] });
  });

  it('refuses an unsafe regex and a duplicate, writing no version', async () => {
    const before = (await t.s.db.select({ n: count() }).from(lexiconVersions))[0]!.n;
    const unsafe = await curator.post('/api/patrol/rules', { kind: 'regex', pattern: '(a+)+$', category: 'fraud' });
    expect(unsafe.statusCode).toBe(422);
    expect(unsafe.json().code).toBe('lexicon.invalid_rule');
    const dup = await curator.post('/api/patrol/rules', { kind: 'term', pattern: TERM, category: 'gambling' });
    expect(dup.statusCode).toBe(409);
    expect((await t.s.db.select({ n: count() }).from(lexiconVersions))[0]!.n).toBe(before);
  });

  it('imports a lexicon file as one version, or names the bad line and imports nothing', async () => {
    const good = [`term\t色情站${mark}\tporn\t5`, `term\t刷单${mark}\tfraud\t3`].join('\n');
    const bad = `term\t好词${mark}\tother\t3\nterm\t\tother\t9`;
    const rejected = await curator.post('/api/patrol/rules/import', { content: bad });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().code).toMatch(/^lexicon\.invalid_(file|rule)$/);
    expect(rejected.json().details.problems[0].line).toBe(2);
    expect(await t.s.db.select().from(lexiconRules).where(eq(lexiconRules.pattern, `好词${mark}`))).toHaveLength(0);
    const res = await curator.post('/api/patrol/rules/import', { content: good, note: '年度词库' });
    expect(res.json()).toMatchObject({ added: 2, changed: 0 });
    const versions = (await analyst.get('/api/patrol/lexicon/versions')).json().items;
    expect(versions[0].summary).toMatchObject({ added: 2, note: '年度词库' });
  });

  it('is read-only for reviewers without patrol.manage', async () => {
    const handler = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['handler'] });
    const h = await signIn(t.app, handler.username);
    expect((await h.get('/api/patrol/rules')).statusCode).toBe(200);
    expect((await h.post('/api/patrol/rules', { kind: 'term', pattern: `x${mark}`, category: 'other' })).statusCode).toBe(403);
  });
});

describe('ingestion and review', () => {
  it('pushes items with an API key into its unit’s source, scans them, and skips re-sent ones', async () => {
    const src = await source('api');
    const key = await admin.post('/api/api-keys', { unitId: w.officeA.id, name: '平台推送', scopes: ['patrol.push'] });
    expect(key.statusCode).toBe(201);
    const secret = key.json().secret as string;
    expect(secret).toMatch(/^tl_/);
    expect((await admin.get('/api/api-keys')).json().items[0]).not.toHaveProperty('secret');
    const push = (body: unknown, auth = `Bearer ${secret}`) =>
      t.app.inject({ method: 'POST', url: '/api/patrol/push', headers: { authorization: auth }, payload: body as object });
    const items = [
      { externalId: 'p1', text: `加微信看${TERM}，日赚千元`, url: 'https://example.com/p/1', author: '某账号' },
      { externalId: 'p2', text: '今天天气很好，适合出游。' },
    ];
    const res = await push({ sourceId: src.id, items });
    expect(res.json()).toEqual({ received: 2, created: 2, duplicates: 0, withHits: 1 });
    expect((await push({ sourceId: src.id, items })).json()).toEqual({ received: 2, created: 0, duplicates: 2, withHits: 0 });
    expect((await push({ sourceId: src.id, items }, 'Bearer tl_forged')).json().code).toBe('apikey.invalid');
    expect((await push({ sourceId: src.id, items }, '')).statusCode).toBe(401);
    const otherSrc = await source('api', analystB, w.officeB.id);
    expect((await push({ sourceId: otherSrc.id, items })).statusCode).toBe(404);
    await admin.post(`/api/api-keys/${key.json().id}/revoke`);
    expect((await push({ sourceId: src.id, items })).statusCode).toBe(401);
    const [rule] = await t.s.db.select().from(lexiconRules).where(eq(lexiconRules.pattern, TERM));
    expect(rule!.hits).toBeGreaterThanOrEqual(1);
  });

  it('queues flagged items by rule; confirming and dismissing move the rule’s precision', async () => {
    const src = await source('manual');
    const text = (n: number) => `第${n}条：${TERM}最新地址`;
    const res = await analyst.post('/api/patrol/items', { sourceId: src.id, items: [1, 2, 3].map((n) => ({ externalId: `m${n}`, text: text(n) })) });
    expect(res.json()).toMatchObject({ created: 3, withHits: 3 });
    const [rule] = await t.s.db.select().from(lexiconRules).where(eq(lexiconRules.pattern, TERM));
    const groups = (await analyst.get('/api/patrol/queue?groupBy=rule')).json().groups;
    expect(groups.find((g: { key: string }) => g.key === rule!.id).pending).toBeGreaterThanOrEqual(3);
    const list = (await analyst.get(`/api/patrol/items?status=pending&sourceId=${src.id}`)).json();
    expect(list.total).toBe(3);
    const item = list.items[0];
    expect(item.text.slice(item.hits[0].start, item.hits[0].end)).toBe(TERM);
    expect(item.sha256).toMatch(/^[0-9a-f]{64}$/);

    const before = { c: rule!.confirmed, d: rule!.dismissed };
    const ok = await analyst.post(`/api/patrol/items/${list.items[0].id}/review`, { decision: 'confirm', reason: '赌博引流' });
    expect(ok.json().status).toBe('confirmed');
    await analyst.post(`/api/patrol/items/${list.items[1].id}/review`, { decision: 'dismiss', reason: '新闻报道引用' });
    const again = await analyst.post(`/api/patrol/items/${list.items[0].id}/review`, { decision: 'dismiss', reason: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('patrol.already_reviewed');
    const [after] = await t.s.db.select().from(lexiconRules).where(eq(lexiconRules.id, rule!.id));
    expect({ c: after!.confirmed, d: after!.dismissed }).toEqual({ c: before.c + 1, d: before.d + 1 });
    const rules = (await analyst.get(`/api/patrol/rules?q=${encodeURIComponent(TERM)}`)).json().items;
    expect(rules[0].precision).toBeCloseTo(after!.confirmed / (after!.confirmed + after!.dismissed));
    const trail = await t.s.db.select().from(events).where(and(eq(events.subjectType, 'patrol_item'), eq(events.subjectId, list.items[0].id)));
    expect(trail.map((e) => e.action)).toEqual(['patrol.item_flagged', 'patrol.hits_confirmed']);
    expect(trail[1]).toMatchObject({ fromState: 'pending', toState: 'confirmed', reason: '赌博引流' });

    // 巡查发现 → 处置: the confirmed item enters the reports loop once, accepted; a pending or dismissed one cannot.
    const handled = await analyst.post(`/api/patrol/items/${list.items[0].id}/report`);
    expect(handled.statusCode).toBe(200);
    expect(handled.json()).toMatchObject({ created: true, trackingNo: expect.stringMatching(/^JB/) });
    const report = (await analyst.get(`/api/reports/${handled.json().reportId}`)).json();
    expect(report).toMatchObject({ channel: 'patrol', state: 'accepted', categoryCode: 'gambling', jurisdictionId: w.districtA.id });
    expect(report.description).toContain(TERM);
    expect((await analyst.post(`/api/patrol/items/${list.items[0].id}/report`)).json()).toMatchObject({ reportId: handled.json().reportId, created: false });
    const dismissed = await analyst.post(`/api/patrol/items/${list.items[1].id}/report`);
    expect([dismissed.statusCode, dismissed.json().code]).toEqual([409, 'report.invalid_transition']);
    expect((await analystB.post(`/api/patrol/items/${list.items[0].id}/report`)).statusCode).toBe(404);
  });

  it('hides another district’s items (404) and requires a reason', async () => {
    const src = await source('manual');
    await analyst.post('/api/patrol/items', { sourceId: src.id, items: [{ externalId: 'x1', text: `${TERM}在线` }] });
    const [item] = await t.s.db.select().from(patrolItems).where(and(eq(patrolItems.sourceId, src.id), eq(patrolItems.externalId, 'x1')));
    expect((await analystB.get(`/api/patrol/items/${item!.id}`)).statusCode).toBe(404);
    expect((await analystB.post(`/api/patrol/items/${item!.id}/review`, { decision: 'confirm', reason: '越权' })).statusCode).toBe(404);
    expect((await analyst.post(`/api/patrol/items/${item!.id}/review`, { decision: 'confirm' })).statusCode).toBe(400);
    expect((await analystB.post('/api/patrol/items', { sourceId: src.id, items: [{ externalId: 'y', text: 'y' }] })).statusCode).toBe(404);
  });
});

describe('不规范表述', () => {
  it('suggests the right form at each span', async () => {
    const wrong = `国家质检总局${mark}`;
    expect((await curator.post('/api/patrol/terms', { wrong, right: '国家市场监督管理总局', note: '2018年机构改革' })).statusCode).toBe(201);
    const res = await admin.post('/api/patrol/terms/check', { text: `据${wrong}通报，` });
    expect(res.json().suggestions).toEqual([{ start: 1, end: 1 + wrong.length, wrong, right: '国家市场监督管理总局', note: '2018年机构改革' }]);
  });
});
