import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { BUILTIN_ROLES } from '@tianlang/contracts';
import { periodContaining, type Period } from '@tianlang/core';
import { buildTestApp, testDb, type TestApp } from '../../../test/harness';
import { buildUnit, buildUser, buildWorld, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { distinctText, driveReport, rng, type Staff, type Step } from '../../../test/stats-factories';
import { statsSavedQueries } from '../../db/schema';

/**
 * The figure catalogue: every registered figure's drill-down has as many rows as the figure's value,
 * for every scope and period — a loop over the catalogue, so a figure registered later is covered too.
 */
let t: TestApp;
let w: World;
let cityAdmin: Agent;
let adminA: Agent;
const at = (iso: string) => new Date(iso);
const load = async (unitId: string, roles: string[]) => (await t.s.auth.repo.loadAuthUser((await buildUser(t.s.db, { unitId, roles })).id))!;

async function registryEntity(j: { id: string; path: string }, created: string, grade: 'key' | 'general', records: { inspected?: string; pledged?: string; interviewed?: string }) {
  const name = distinctText(rng(Math.floor(Math.random() * 1e9))).slice(0, 12);
  const by = w.users.leader.id;
  const res = await t.s.db.execute(sql`insert into registry_entities (name, name_norm, type, jurisdiction_id, jurisdiction_path, grade, status, search_text, created_at, updated_at)
    values (${name}, ${name}, 'website', ${j.id}, ${j.path}, ${grade}, 'active', ${name}, ${created}::timestamptz, now()) returning id`);
  const id = (res as unknown as { rows: { id: string }[] }).rows[0]!.id;
  if (records.inspected) await t.s.db.execute(sql`insert into registry_inspections (entity_id, inspected_on, officer_ids, findings, created_by) values (${id}, ${records.inspected}, '[]'::jsonb, '检查', ${by})`);
  if (records.pledged) await t.s.db.execute(sql`insert into registry_pledges (entity_id, signed_on, created_by) values (${id}, ${records.pledged}, ${by})`);
  if (records.interviewed) await t.s.db.execute(sql`insert into registry_interviews (entity_id, held_on, grounds, persons, officer_ids, created_by) values (${id}, ${records.interviewed}, '约谈', '[]'::jsonb, '[]'::jsonb, ${by})`);
}

beforeAll(async () => {
  const handle = await testDb();
  w = await buildWorld(handle.db);
  t = await buildTestApp({ PUBLIC_JURISDICTION_CODE: w.city.code }, at('2026-05-15T10:00:00+08:00'));
  const platform = await buildUnit(t.s.db, { jurisdictionId: w.city.id, kind: 'platform' });
  const staff: Staff = {
    intake: await load(w.cityOffice.id, ['intake']), analyst: await load(w.cityOffice.id, ['analyst']), handler: await load(w.cityOffice.id, ['handler']),
    partner: (await t.s.auth.repo.loadAuthUser(w.users.partner.id))!, liaison: await load(platform.id, ['platform_liaison']),
  };
  const r = rng(20261206);
  const nodes = [w.city, w.districtA, w.townA, w.districtB];
  const office = (j: { id: string }) => (j.id === w.districtB.id ? w.officeB.id : j.id === w.city.id ? w.cityOffice.id : w.officeA.id);
  const ends: Step[][] = [
    [{ do: 'reject' }],
    [{ do: 'accept' }, { do: 'assess' }, { do: 'order', platformUnitId: platform.id, answer: 'done', answerAfterMin: 120 }, { do: 'complete' }],
    [{ do: 'accept' }, { do: 'assess' }, { do: 'account' }, { do: 'complete' }],
    [{ do: 'accept' }, { do: 'assess' }, { do: 'refer', toUnitId: w.police.id, replyAfterMin: 600 }],
    [{ do: 'accept' }, { do: 'assess' }, { do: 'no_violation' }, { do: 'complete' }, { do: 'reply' }, { do: 'close' }],
  ];
  for (let i = 0; i < 16; i++) {
    const j = nodes[i % nodes.length]!;
    await driveReport(t.s, t.clock, staff, {
      at: new Date(at('2026-03-01T09:00:00+08:00').getTime() + r.int(0, 60) * 86_400_000), jurisdiction: j, officeUnitId: office(j),
      categoryCode: r.pick(['fraud', 'gambling', 'rumor']), text: distinctText(r), steps: ends[i % ends.length]!.map((step) => ({ after: r.int(30, 600), step })),
    });
  }
  t.clock.set(at('2026-05-15T10:00:00+08:00'));
  await t.s.stats.rollup.rebuild();
  await registryEntity(w.districtA, '2026-03-31T23:30:00+08:00', 'key', { inspected: '2026-04-01', pledged: '2026-04-30' });
  await registryEntity(w.townA, '2026-04-01T00:30:00+08:00', 'general', { inspected: '2026-04-10', interviewed: '2026-04-10' });
  await registryEntity(w.districtB, '2026-04-05T10:00:00+08:00', 'key', { inspected: '2026-04-06', pledged: '2026-04-06', interviewed: '2026-04-07' });
  for (const [j, unitId] of [[w.districtA, w.officeA.id], [w.districtB, w.officeB.id]] as const) {
    const admin = await signIn(t.app, (await buildUser(t.s.db, { unitId, roles: [...BUILTIN_ROLES] })).username);
    const source = await admin.post('/api/patrol/sources', { kind: 'manual', name: `来源${j.name}${Date.now()}`, unitId });
    expect(source.statusCode, source.body).toBeLessThan(300);
    t.clock.set(at('2026-04-12T10:00:00+08:00'));
    const pushed = await admin.post('/api/patrol/items', { sourceId: source.json().id, items: [{ externalId: `a${Date.now()}`, text: '某网站发布赌博广告' }, { externalId: `b${Date.now()}`, text: '正常新闻' }] });
    expect(pushed.statusCode, pushed.body).toBeLessThan(300);
  }
  t.clock.set(at('2026-05-15T10:00:00+08:00'));
  [cityAdmin, adminA] = await Promise.all([signIn(t.app, w.users.cityAdmin.username), signIn(t.app, w.users.adminA.username)]);
}, 240_000);
afterAll(() => t?.close());

describe('the figure catalogue', () => {
  it('lists every figure with its module, Chinese label and definition', async () => {
    const res = await cityAdmin.get('/api/stats/figures');
    expect(res.statusCode).toBe(200);
    const items: { code: string; module: string; label: string; definition: string }[] = res.json().items;
    expect(items.map((x) => x.code)).toEqual(expect.arrayContaining(['received', 'accepted', 'reports_accepted', 'patrol_items', 'registry_key_entities', 'platforms_checked']));
    for (const x of items) {
      expect([x.code, /[\u4e00-\u9fff]/.test(x.label), /[\u4e00-\u9fff]/.test(x.definition)]).toEqual([x.code, true, true]);
      // plain Chinese for the tooltip: no table, column or event names
      expect([x.code, /[a-z]+[._][a-z]+/.test(x.definition)]).toEqual([x.code, false]);
    }
    expect(new Set(items.map((x) => x.module))).toEqual(new Set(['reports', 'patrol', 'registry']));
  });

  const periods: [string, Period][] = [
    ['period=month&from=2026-04-01', periodContaining('month', '2026-04-01')],
    ['period=quarter&from=2026-04-01', periodContaining('quarter', '2026-04-01')],
    ['period=custom&from=2026-03-05&to=2026-04-20', { kind: 'custom', from: '2026-03-05', to: '2026-04-20' }],
  ];

  it('gives every figure a drill-down with as many rows as its value, for every scope and period', async () => {
    const codes: string[] = (await cityAdmin.get('/api/stats/figures')).json().items.map((x: { code: string }) => x.code);
    const nonZero = new Set<string>();
    for (const node of [w.city, w.districtA, w.districtB]) {
      for (const [qs, period] of periods) {
        const d = (await cityAdmin.get(`/api/stats/dashboard?${qs}&jurisdictionId=${node.id}`)).json();
        for (const code of codes) {
          const value = await t.s.stats.figures.value(node, period, code);
          const shown = d.figures[code]?.value ?? d.extra.find((x: { code: string }) => x.code === code)?.value;
          if (shown !== undefined) expect([node.name, qs, code, shown]).toEqual([node.name, qs, code, value]);
          const res = await cityAdmin.get(`/api/stats/figures/${code}/items?${qs}&jurisdictionId=${node.id}&limit=200`);
          expect(res.statusCode, res.body).toBe(200);
          const body = res.json();
          expect([node.name, qs, code, body.total, body.items.length]).toEqual([node.name, qs, code, value, Math.min(value, 200)]);
          if (value > 0) nonZero.add(code);
          for (const item of body.items) expect(item.title.length).toBeGreaterThan(0);
        }
      }
    }
    // the data reaches most figures, so the equalities above are not all 0 = 0
    expect(nonZero.size).toBeGreaterThanOrEqual(codes.length - 3);
  });

  it('pages through a drill-down, links each row, and names the scope and period', async () => {
    const all = (await cityAdmin.get(`/api/stats/figures/received/items?period=year&from=2026-01-01&jurisdictionId=${w.city.id}&limit=200`)).json();
    expect(all.total).toBeGreaterThan(4);
    const p1 = (await cityAdmin.get(`/api/stats/figures/received/items?period=year&from=2026-01-01&jurisdictionId=${w.city.id}&limit=3&offset=0`)).json();
    const p2 = (await cityAdmin.get(`/api/stats/figures/received/items?period=year&from=2026-01-01&jurisdictionId=${w.city.id}&limit=3&offset=3`)).json();
    expect([...p1.items, ...p2.items].map((x: { id: string }) => x.id)).toEqual(all.items.slice(0, 6).map((x: { id: string }) => x.id));
    expect(p1).toMatchObject({ code: 'received', label: '收到举报', jurisdictionName: w.city.name, period: { kind: 'year', from: '2026-01-01', to: '2026-12-31' } });
    expect(p1.items[0].link).toBe(`/console/reports/${p1.items[0].id}`);
    expect(p1.items[0].title).toMatch(/^JB/);
    const keys = (await cityAdmin.get(`/api/stats/figures/registry_key_entities/items?period=month&from=2026-04-01&jurisdictionId=${w.city.id}`)).json();
    expect(keys.items.every((x: { link: string; subtitle: string }) => x.link.startsWith('/console/registry/') && x.subtitle === '重点对象')).toBe(true);
  });

  it('keeps a district to its own subtree: its lists hold none of the sibling\'s or the city\'s rows', async () => {
    const mine = (await adminA.get('/api/stats/figures/registry_inspections/items?period=month&from=2026-04-01')).json();
    expect(mine.total).toBe(2);
    const asCity = (await cityAdmin.get(`/api/stats/figures/registry_inspections/items?period=month&from=2026-04-01&jurisdictionId=${w.districtA.id}`)).json();
    expect(mine.items).toEqual(asCity.items);
    const received = (await adminA.get('/api/stats/figures/received/items?period=year&from=2026-01-01&limit=200')).json();
    expect(received.items.every((x: { subtitle: string }) => x.subtitle.endsWith(w.districtA.name) || x.subtitle.endsWith(w.townA.name))).toBe(true);
    for (const id of [w.districtB.id, w.city.id]) {
      const res = await adminA.get(`/api/stats/figures/received/items?jurisdictionId=${id}`);
      expect([res.statusCode, res.json().code]).toEqual([403, 'jurisdiction.out_of_scope']);
    }
  });

  it('answers an unknown figure with 404 and a bad period with 4xx, writing nothing', async () => {
    const before = (await t.s.db.select({ n: count() }).from(statsSavedQueries))[0]!.n;
    const unknown = await cityAdmin.get('/api/stats/figures/nope/items');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'stats.unknown_figure']);
    for (const [url, status, code] of [
      ['/api/stats/figures/received/items?period=week', 400, 'request.invalid'],
      ['/api/stats/figures/received/items?from=2026-02-30', 400, 'request.invalid'],
      ['/api/stats/figures/received/items?limit=0', 400, 'request.invalid'],
      ['/api/stats/figures/received/items?period=custom&from=2026-03-09&to=2026-03-01', 422, 'stats.invalid_period'],
      ['/api/stats/figures/nope/items?period=week', 400, 'request.invalid'],
    ] as const) {
      const res = await cityAdmin.get(url);
      expect([url, res.statusCode, res.json().code]).toEqual([url, status, code]);
    }
    expect((await t.s.db.select({ n: count() }).from(statsSavedQueries))[0]!.n).toBe(before);
  });
});
