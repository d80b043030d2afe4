import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { STATS_GRADE_NONE, type DashboardView } from '@tianlang/contracts';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { MIGRATIONS_FOLDER } from '../../db/migrate';
import { distinctText, driveReport, rng, type Staff } from '../../../test/stats-factories';

let t: TestApp;
let w: World;
let admin: Agent;
let keyEntity: string;
let generalEntity: string;
const at = (iso: string) => new Date(iso);
const rows = <T>(res: unknown) => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
const MARCH = () => `period=month&from=2026-03-01&jurisdictionId=${w.districtB.id}`;

/** A registry entity of district B, written directly (this tests the counting, not the registry). */
async function entity(grade: 'key' | 'general') {
  const name = `分级统计对象${grade}${Date.now()}`;
  const res = await t.s.db.execute(sql`insert into registry_entities (name, name_norm, type, jurisdiction_id, jurisdiction_path, grade, status, search_text, created_at, updated_at)
    values (${name}, ${name}, 'website', ${w.districtB.id}, ${w.districtB.path}, ${grade}, 'active', ${name}, now(), now()) returning id`);
  return rows<{ id: string }>(res)[0]!.id;
}

const dash = async (qs: string): Promise<DashboardView> => {
  const res = await admin.get(`/api/stats/dashboard?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const grades = (d: DashboardView, m: 'received' | 'accepted' = 'received') =>
  Object.fromEntries(d.breakdowns.grade.filter((g) => g[m] > 0).map((g) => [g.key, g[m]]));
/** Every breakdown (grade included) sums to the overall figure. */
const expectSums = (d: DashboardView) => {
  for (const m of ['received', 'accepted'] as const) {
    expect(d.breakdowns.grade.reduce((s, g) => s + g[m], 0), m).toBe(d.figures[m].value);
  }
};

beforeAll(async () => {
  t = await buildTestApp({}, at('2026-05-15T10:00:00+08:00'));
  w = await buildWorld(t.s.db);
  const load = async (roles: string[]) => (await t.s.auth.repo.loadAuthUser((await buildUser(t.s.db, { unitId: w.cityOffice.id, roles })).id))!;
  const staff: Staff = { intake: await load(['intake']), analyst: await load(['analyst']), handler: await load(['handler']) };
  [keyEntity, generalEntity] = [await entity('key'), await entity('general')];
  const r = rng(4242);
  // March, district B: two reports on the key entity (one accepted), one on the general one, one with a
  // reference that is no uuid, one with none
  const refs = [keyEntity, keyEntity, generalEntity, 'not-a-uuid', null];
  for (const [i, ref] of refs.entries()) {
    const receipt = await driveReport(t.s, t.clock, staff, { at: at(`2026-03-${10 + i}T10:00:00+08:00`), jurisdiction: w.districtB, officeUnitId: w.officeB.id,
      categoryCode: 'fraud', text: distinctText(r), steps: i === 0 ? [{ after: 30, step: { do: 'accept' } }] : [] });
    if (ref) await t.s.db.execute(sql`update reports set entity_ref = ${ref} where id = ${receipt.id}`);
  }
  t.clock.set(at('2026-05-15T10:00:00+08:00'));
  await t.s.stats.rollup.rebuild();
  admin = await signIn(t.app, w.users.cityAdmin.username);
}, 120_000);
afterAll(() => t?.close());

describe('breakdown by the grade of the registry entity', () => {
  it('counts linked reports under their entity\'s grade and the others under none', async () => {
    const d = await dash(MARCH());
    expect(d.figures.received.value).toBe(5);
    expect(grades(d)).toEqual({ key: 2, general: 1, [STATS_GRADE_NONE]: 2 });
    expect(grades(d, 'accepted')).toEqual({ key: 1 });
    expect(d.breakdowns.grade.find((g) => g.key === STATS_GRADE_NONE)?.label).toBe('未关联台账对象');
    expectSums(d);
    // the city folds district B in
    expect(grades(await dash(`period=month&from=2026-03-01&jurisdictionId=${w.city.id}`))).toEqual({ key: 2, general: 1, [STATS_GRADE_NONE]: 2 });
  });

  it('drills down to the reports of one grade', async () => {
    const res = await admin.get(`/api/stats/items?${MARCH()}&figure=received&dim=grade&key=${STATS_GRADE_NONE}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(2);
    const key = await admin.get(`/api/stats/items?${MARCH()}&figure=received&dim=grade&key=key`);
    expect(key.json().total).toBe(2);
  });

  it('moves the reports to the new grade after a regrade and the refresh', async () => {
    const user = (await t.s.auth.repo.loadAuthUser(w.users.cityAdmin.id))!;
    await t.s.registry.entities.grade(user, keyEntity, 'watch', '整改到位，降为观察');
    // marked dirty in the grade change's transaction
    const dirty = rows<{ n: number }>(await t.s.db.execute(sql`select count(*)::int as n from stats_dirty d join reports r on r.id = d.report_id where r.entity_ref = ${keyEntity}`));
    expect(Number(dirty[0]!.n)).toBe(2);
    expect(await t.s.stats.rollup.refresh()).toBeGreaterThanOrEqual(2);
    const d = await dash(MARCH());
    expect(grades(d)).toEqual({ watch: 2, general: 1, [STATS_GRADE_NONE]: 2 });
    expect(grades(d, 'accepted')).toEqual({ watch: 1 });
    // the key grade's rows are subtracted to zero (the rollup keeps zero rows, as for a re-categorised report)
    expect(d.breakdowns.grade.find((g) => g.key === 'key')?.received ?? 0).toBe(0);
    expectSums(d);
  });

  it('adds the grade figures of facts computed before the column existed at start', async () => {
    const before = await dash(MARCH());
    // a database migrated from before stats_entity_grade: facts without a grade, no grade rows in the rollup
    await t.s.db.execute(sql`update stats_report_facts set entity_grade = null`);
    await t.s.db.execute(sql`delete from stats_rollup where dim = 'grade'`);
    expect((await dash(MARCH())).breakdowns.grade).toEqual([]);
    // what migration 0010 does on such a database, then the refresh at start
    const migration = await readFile(path.join(MIGRATIONS_FOLDER, '0010_stats_entity_grade_refresh.sql'), 'utf8');
    await t.s.db.execute(sql.raw(migration));
    expect(await t.s.stats.rollup.ensureBuilt()).toBe('refreshed');
    const after = await dash(MARCH());
    // the same non-zero rows (the regrade above left a zero 'key' row behind, which the rebuilt grade rows need not repeat)
    const nonZero = (d: DashboardView) => Object.fromEntries(Object.entries(d.breakdowns).map(([dim, xs]) => [dim, xs.filter((x) => x.received + x.accepted + x.disposed + x.closed > 0)]));
    expect(nonZero(after)).toEqual(nonZero(before));
    expect(grades(after)).toEqual({ watch: 2, general: 1, [STATS_GRADE_NONE]: 2 });
    expect(after.figures).toEqual(before.figures);
    expectSums(after);
    expect(rows<{ n: number }>(await t.s.db.execute(sql`select count(*)::int as n from stats_rollup where n < 0`))[0]!.n).toBe(0);
  });
});
