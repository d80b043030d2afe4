import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DashboardView } from '@tianlang/contracts';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { XLSX_LIMITS } from '../../lib/xlsx/limits';
import { openZip } from '../../lib/xlsx/zip-reader';
import { REGISTRY_FIGURE_DEFINITION_ZH } from './registry.figures';

let t: TestApp;
let w: World;
let leader: Agent;
let adminA: Agent;
let n = 0;

/** An entity (created at `created`, office-local +08:00) with its records; rows written directly: this tests the counting. */
async function entity(j: { id: string; path: string }, o: { created: string; grade?: 'key' | 'general'; status?: 'active' | 'closed';
  inspections?: string[]; pledges?: string[]; interviews?: string[] }) {
  const name = `统计测试对象${Date.now()}${n++}`;
  const by = w.users.leader.id;
  const res = await t.s.db.execute(sql`insert into registry_entities (name, name_norm, type, jurisdiction_id, jurisdiction_path, grade, status, search_text, created_at, updated_at)
    values (${name}, ${name}, 'website', ${j.id}, ${j.path}, ${o.grade ?? 'general'}, ${o.status ?? 'active'}, ${name}, ${o.created}::timestamptz, now()) returning id`);
  const id = (res as unknown as { rows: { id: string }[] }).rows[0]!.id;
  for (const d of o.inspections ?? []) {
    await t.s.db.execute(sql`insert into registry_inspections (entity_id, inspected_on, officer_ids, findings, created_by) values (${id}, ${d}, '[]'::jsonb, '检查', ${by})`);
  }
  for (const d of o.pledges ?? []) await t.s.db.execute(sql`insert into registry_pledges (entity_id, signed_on, created_by) values (${id}, ${d}, ${by})`);
  for (const d of o.interviews ?? []) {
    await t.s.db.execute(sql`insert into registry_interviews (entity_id, held_on, grounds, persons, officer_ids, created_by)
      values (${id}, ${d}, '约谈', '[]'::jsonb, '[]'::jsonb, ${by})`);
  }
  return id;
}

beforeAll(async () => {
  t = await buildTestApp({}, new Date('2026-05-15T10:00:00+08:00'));
  w = await buildWorld(t.s.db);
  // district A (its town included): April 2026 is the period asked for
  await entity(w.districtA, { created: '2026-03-31T23:30:00+08:00', grade: 'key', inspections: ['2026-04-01'], pledges: ['2026-04-30'] });
  await entity(w.townA, { created: '2026-04-01T00:30:00+08:00', inspections: ['2026-04-10', '2026-04-20'], interviews: ['2026-04-10'] });
  await entity(w.townA, { created: '2026-02-01T10:00:00+08:00', grade: 'key', pledges: ['2026-03-31'], interviews: ['2026-05-01'] });
  await entity(w.districtA, { created: '2026-01-05T10:00:00+08:00', status: 'closed', inspections: ['2026-04-15'] });
  await entity(w.districtA, { created: '2026-05-02T10:00:00+08:00', grade: 'key' });
  // district B: outside district A's figures, inside the city's
  await entity(w.districtB, { created: '2026-04-05T10:00:00+08:00', grade: 'key', inspections: ['2026-04-06'], pledges: ['2026-04-06'], interviews: ['2026-04-07'] });
  [leader, adminA] = await Promise.all([signIn(t.app, w.users.leader.username), signIn(t.app, w.users.adminA.username)]);
}, 120_000);
afterAll(() => t?.close());

const extra = async (a: Agent, qs: string) => {
  const res = await a.get(`/api/stats/dashboard?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json() as DashboardView).extra.map((x) => [x.code, x.value]));
};

describe('registry figures in the statistics', () => {
  it('counts April 2026 in the office calendar, within the jurisdiction asked for', async () => {
    const a = await extra(leader, `period=month&from=2026-04-01&jurisdictionId=${w.districtA.id}`);
    expect(a).toEqual({
      // created in April (00:30 on 1 April counts; 23:30 on 31 March does not) ∪ inspected in April, each entity once
      platforms_checked: 3,
      interviews: 1, // 10 April; 1 May is the next month
      registry_entities: 3, // active and registered before the month ended: not the closed one, not the one of 2 May
      registry_key_entities: 2,
      registry_inspections: 4,
      registry_pledges: 1, // 30 April; 31 March is the month before
    });
    const city = await extra(leader, `period=month&from=2026-04-01&jurisdictionId=${w.city.id}`);
    expect(city).toMatchObject({ platforms_checked: 4, interviews: 2, registry_entities: 4, registry_key_entities: 3, registry_inspections: 5, registry_pledges: 2 });
    const q2 = await extra(leader, `period=quarter&from=2026-04-01&jurisdictionId=${w.districtA.id}`);
    expect(q2).toMatchObject({ platforms_checked: 4, interviews: 2, registry_entities: 4 });
  });

  it('gives a district office its own figures only, and the work report quotes them', async () => {
    expect((await adminA.get(`/api/stats/dashboard?period=month&from=2026-04-01&jurisdictionId=${w.districtB.id}`)).statusCode).toBe(403);
    const scope = { id: w.districtA.id, name: w.districtA.name, level: w.districtA.level, path: w.districtA.path };
    const period = { kind: 'month' as const, from: '2026-04-01', to: '2026-04-30' };
    expect(await t.s.stats.exports.figureValue(scope, period, 'work.platforms_checked')).toBe(3);
    expect(await t.s.stats.exports.figureValue(scope, period, 'work.interviews')).toBe(1);
  });

  it('quotes how each registry figure is counted in the work report, as the registry defines it', async () => {
    const doc = await leader.post('/api/stats/work-report', { period: 'month', from: '2026-04-01', jurisdictionId: w.districtA.id });
    expect(doc.statusCode, doc.body).toBe(200);
    const chunks: Buffer[] = [];
    for await (const c of (await openZip(doc.rawPayload, XLSX_LIMITS)).read('word/document.xml')) chunks.push(c);
    const text = Buffer.concat(chunks).toString('utf8').replace(/<[^>]+>/g, '');
    expect(text).toContain(REGISTRY_FIGURE_DEFINITION_ZH.platforms_checked);
    expect(text).toContain(REGISTRY_FIGURE_DEFINITION_ZH.interviews);
  });
});
