import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { REPORT_FIGURES, type DashboardView } from '@tianlang/contracts';
import { bucketUpperMin, durationBucket, periodContaining, periodRange, type Period } from '@tianlang/core';
import { buildTestApp, testDb, type TestApp } from '../../../test/harness';
import { buildUnit, buildUser, buildWorld, type World } from '../../../test/factories';
import { XLSX_LIMITS } from '../../lib/xlsx/limits';
import { openZip } from '../../lib/xlsx/zip-reader';
import { sha256Hex } from '../../lib/crypto';
import { canRenderPdf, docxToPdfText, mustRenderPdf } from '../../../test/office';
import { signIn, type Agent } from '../../../test/agent';
import { distinctText, driveReport, rng, type Staff, type Step } from '../../../test/stats-factories';
import { events, statsSavedQueries, statsTransparencyMonths } from '../../db/schema';
import { STAGE_ACTIONS } from './facts.sql';

let t: TestApp;
let w: World;
let staff: Staff;
let leader: Agent;
let cityAdmin: Agent;
let adminA: Agent;
let platformId: string;
const load = async (unitId: string, roles: string[]) => (await t.s.auth.repo.loadAuthUser((await buildUser(t.s.db, { unitId, roles })).id))!;
const rows = <T>(res: unknown) => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
const at = (iso: string) => new Date(iso);

/** Generated data: 40 reports over December–April in every node of the world's tree, at every stage. */
async function generate() {
  const r = rng(20261123);
  const nodes = [w.city, w.districtA, w.townA, w.districtB];
  const office = (j: { id: string }) => (j.id === w.districtB.id ? w.officeB.id : j.id === w.city.id ? w.cityOffice.id : w.officeA.id);
  const reporter = await t.s.auth.repo.loadAuthUser((await buildUser(t.s.db, { unitId: w.cityOffice.id, roles: ['volunteer'] })).id);
  const start = at('2025-12-01T00:00:00+08:00').getTime();
  const span = at('2026-05-01T00:00:00+08:00').getTime() - start;
  for (let i = 0; i < 40; i++) {
    const steps: { after: number; step: Step }[] = [];
    const roll = r.next();
    if (roll < 0.1) steps.push({ after: r.int(10, 3000), step: { do: 'reject' } });
    else if (roll > 0.15) {
      steps.push({ after: r.int(5, 3 * 1440), step: { do: 'accept' } }, { after: r.int(10, 600), step: { do: 'assess', categoryCode: r.next() < 0.2 ? 'rumor' : undefined } });
      const kind = r.pick(['order', 'account', 'refer', 'no_violation'] as const);
      if (kind === 'order') steps.push({ after: 60, step: { do: 'order', platformUnitId: platformId, answer: r.pick(['done', 'partial', 'refused'] as const), answerAfterMin: r.int(30, 3000) } });
      if (kind === 'account') steps.push({ after: 60, step: { do: 'account' } });
      if (kind === 'refer') steps.push({ after: 60, step: { do: 'refer', toUnitId: w.police.id, replyAfterMin: r.int(60, 20 * 1440) } });
      if (kind === 'no_violation') steps.push({ after: 60, step: { do: 'no_violation' } });
      if (r.next() < 0.8) {
        steps.push({ after: r.int(60, 8 * 1440), step: { do: 'complete' } });
        if (kind === 'no_violation' && r.next() < 0.8) steps.push({ after: r.int(30, 4 * 1440), step: { do: 'reply' } }, { after: 10, step: { do: 'close' } });
      }
    }
    const j = r.pick(nodes);
    await driveReport(t.s, t.clock, staff, {
      at: new Date(start + Math.floor(r.next() * span)), jurisdiction: j, officeUnitId: office(j),
      categoryCode: r.pick(['fraud', 'gambling', 'rumor', 'infringement.privacy', 'porn']), channel: r.pick(['web', 'mobile', 'phone'] as const),
      platformName: r.pick(['微博', '抖音', undefined]), zoneCode: r.next() < 0.2 ? 'zone.minors' : undefined, text: distinctText(r), steps,
      reporter: r.next() < 0.15 ? reporter! : undefined,
    });
  }
}

beforeAll(async () => {
  const handle = await testDb();
  w = await buildWorld(handle.db);
  t = await buildTestApp({ PUBLIC_JURISDICTION_CODE: w.city.code }, at('2026-05-15T10:00:00+08:00'));
  const platform = await buildUnit(t.s.db, { jurisdictionId: w.city.id, kind: 'platform' });
  platformId = platform.id;
  staff = {
    intake: await load(w.cityOffice.id, ['intake']), analyst: await load(w.cityOffice.id, ['analyst']), handler: await load(w.cityOffice.id, ['handler']),
    partner: (await t.s.auth.repo.loadAuthUser(w.users.partner.id))!, liaison: await load(platform.id, ['platform_liaison']),
  };
  await generate();
  t.clock.set(at('2026-05-15T10:00:00+08:00'));
  await t.s.stats.rollup.rebuild();
  [leader, cityAdmin, adminA] = await Promise.all([signIn(t.app, w.users.leader.username), signIn(t.app, w.users.cityAdmin.username), signIn(t.app, w.users.adminA.username)]);
}, 240_000);
afterAll(() => t?.close());

const dash = async (a: Agent, qs: string): Promise<DashboardView> => {
  const res = await a.get(`/api/stats/dashboard?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

// ── The direct count over the event log: written independently of facts.sql.ts ──
async function firstTimes(path: string, actions: readonly string[]) {
  return rows<{ id: string; at: Date | string; category: string }>(await t.s.db.execute(sql`
    select e.subject_id as id, min(e.created_at) as at, split_part(min(r.category_code), '.', 1) as category
    from events e join reports r on r.id::text = e.subject_id
    where e.subject_type = 'report' and e.action = any(${`{${actions.join(',')}}`}::text[]) and r.jurisdiction_path like ${`${path}%`}
    group by e.subject_id`)).map((x) => ({ ...x, at: new Date(x.at) }));
}
const within = (p: Period) => { const { start, end } = periodRange(p); return (d: Date) => d >= start && d < end; };

describe('figures equal a direct count over the event log', () => {
  const periods: [string, Period][] = [
    ['period=month&from=2026-03-05', periodContaining('month', '2026-03-05')],
    ['period=quarter&from=2026-02-01', periodContaining('quarter', '2026-02-01')],
    ['period=custom&from=2026-01-20&to=2026-03-09', { kind: 'custom', from: '2026-01-20', to: '2026-03-09' }],
    ['period=year&from=2026-01-01', periodContaining('year', '2026-01-01')],
  ];

  it('for every figure, period and jurisdiction, also by category', async () => {
    let nonZero = 0;
    for (const node of [w.city, w.districtA, w.townA, w.districtB]) {
      for (const [qs, p] of periods) {
        const d = await dash(cityAdmin, `${qs}&jurisdictionId=${node.id}`);
        const inP = within(p);
        for (const f of REPORT_FIGURES) {
          const col = { received: 'submitted_at', accepted: 'accepted_at', rejected: 'rejected_at', merged: 'merged_at', transferred: 'transferred_at',
            disposed: 'disposed_at', answered: 'answered_at', closed: 'closed_at' }[f] as keyof typeof STAGE_ACTIONS;
          const direct = (await firstTimes(node.path, STAGE_ACTIONS[col])).filter((x) => inP(x.at));
          expect([node.name, qs, f, d.figures[f].value]).toEqual([node.name, qs, f, direct.length]);
          nonZero += direct.length;
          if (f === 'received') {
            const byCat = new Map<string, number>();
            for (const x of direct) byCat.set(x.category, (byCat.get(x.category) ?? 0) + 1);
            expect(Object.fromEntries(d.breakdowns.category.filter((c) => c.received > 0).map((c) => [c.key, c.received]))).toEqual(Object.fromEntries(byCat));
          }
        }
      }
    }
    expect(nonZero).toBeGreaterThan(100);
  });

  it('on-time counts and duration percentiles (exact to the histogram bucket)', async () => {
    const p = periodContaining('year', '2026-01-01');
    const inP = within(p);
    const d = await dash(cityAdmin, `period=year&from=2026-01-01&jurisdictionId=${w.city.id}`);
    const sub = new Map((await firstTimes(w.city.path, ['report.submitted'])).map((x) => [x.id, x.at]));
    const acc = (await firstTimes(w.city.path, ['report.accept'])).filter((x) => inP(x.at));
    const met = rows<{ id: string; status: string }>(await t.s.db.execute(sql`select distinct on (subject_id) subject_id as id, payload->>'status' as status
      from events where subject_type = 'report' and action = 'deadline.met' and payload->>'kind' = 'report.accept' order by subject_id, seq`));
    const status = new Map(met.map((m) => [m.id, m.status]));
    const timed = acc.filter((x) => status.has(x.id));
    const accept = d.onTime.find((o) => o.stage === 'accept')!;
    expect(accept.timed).toBe(timed.length);
    expect(accept.onTime).toBe(timed.filter((x) => status.get(x.id) !== 'overdue').length);
    const minutes = acc.map((x) => (x.at.getTime() - sub.get(x.id)!.getTime()) / 60_000).sort((a, b) => a - b);
    const nearest = (q: number) => minutes[Math.max(0, Math.ceil((q / 100) * minutes.length) - 1)]!;
    const dur = d.durations.find((x) => x.stage === 'accept')!;
    expect(dur.count).toBe(minutes.length);
    expect(dur.median).toBe(bucketUpperMin(durationBucket(nearest(50))));
    expect(dur.p90).toBe(bucketUpperMin(durationBucket(nearest(90))));
  });

  it('transfers by department and orders by platform', async () => {
    const p = periodContaining('year', '2026-01-01');
    const { start, end } = periodRange(p);
    const d = await dash(cityAdmin, `period=year&from=2026-01-01&jurisdictionId=${w.city.id}`);
    const [tr] = rows<{ sent: string; replied: string }>(await t.s.db.execute(sql`select count(*) filter (where t.created_at >= ${start} and t.created_at < ${end}) as sent,
      count(*) filter (where t.replied_at >= ${start} and t.replied_at < ${end}) as replied
      from report_transfers t join reports r on r.id = t.report_id where r.jurisdiction_path like ${`${w.city.path}%`} and t.to_unit_id = ${w.police.id}`));
    const police = d.transfers.find((x) => x.unitId === w.police.id);
    expect([police?.sent ?? 0, police?.replied ?? 0]).toEqual([Number(tr!.sent), Number(tr!.replied)]);
    const [or] = rows<{ issued: string; done: string }>(await t.s.db.execute(sql`select count(*) filter (where o.created_at >= ${start} and o.created_at < ${end}) as issued,
      count(*) filter (where o.answer = 'done' and o.answered_at >= ${start} and o.answered_at < ${end}) as done
      from platform_orders o where o.platform_unit_id = ${platformId}`));
    const pf = d.orders.find((x) => x.platformUnitId === platformId);
    expect([pf?.issued ?? 0, pf?.done ?? 0]).toEqual([Number(or!.issued), Number(or!.done)]);
    expect(Number(or!.issued)).toBeGreaterThan(0);

    // each number opens the list behind it: one row per transfer or order sent in the period, named in the header
    const list = async (dim: string, key: string) =>
      (await cityAdmin.get(`/api/stats/items?period=year&from=2026-01-01&jurisdictionId=${w.city.id}&figure=transferred&dim=${dim}&key=${key}&limit=200`)).json();
    const toPolice = await list('transfer_unit', w.police.id);
    expect([toPolice.total, toPolice.items.length, toPolice.keyLabel]).toEqual([Number(tr!.sent), Math.min(200, Number(tr!.sent)), w.police.name]);
    expect(toPolice.items.every((i: { at: string }) => new Date(i.at) >= start && new Date(i.at) < end)).toBe(true);
    const toPlatform = await list('order_platform', platformId);
    expect(toPlatform.total).toBe(Number(or!.issued));
    const ids = new Set(rows<{ report_id: string }>(await t.s.db.execute(sql`select o.report_id from platform_orders o
      where o.platform_unit_id = ${platformId} and o.created_at >= ${start} and o.created_at < ${end}`)).map((x) => x.report_id));
    expect(ids.size).toBeLessThanOrEqual(200);
    expect(new Set(toPlatform.items.map((i: { id: string }) => i.id))).toEqual(ids);
    // a district admin cannot read the city's lists
    expect((await adminA.get(`/api/stats/items?period=year&from=2026-01-01&jurisdictionId=${w.city.id}&figure=transferred&dim=transfer_unit&key=${w.police.id}`)).statusCode).toBe(403);
  });

  it('keeps agreeing after more events, through the refresh job (dirty reports only)', async () => {
    const before = await dash(cityAdmin, `period=month&from=2026-05-01&jurisdictionId=${w.city.id}`);
    const r = rng(7);
    await driveReport(t.s, t.clock, staff, { at: at('2026-05-10T09:00:00+08:00'), jurisdiction: w.townA, officeUnitId: w.officeA.id, categoryCode: 'fraud',
      text: distinctText(r), steps: [{ after: 30, step: { do: 'accept' } }, { after: 60, step: { do: 'assess', categoryCode: 'gambling' } }] });
    t.clock.set(at('2026-05-15T10:00:00+08:00'));
    expect(await t.s.stats.rollup.refresh()).toBeGreaterThanOrEqual(1);
    const after = await dash(cityAdmin, `period=month&from=2026-05-01&jurisdictionId=${w.city.id}`);
    expect(after.figures.received.value).toBe(before.figures.received.value + 1);
    expect(after.figures.accepted.value).toBe(before.figures.accepted.value + 1);
    const gambling = (x: DashboardView) => x.breakdowns.category.find((c) => c.key === 'gambling')?.received ?? 0;
    // re-categorized by the assessment: counted under its current category
    expect(gambling(after)).toBe(gambling(before) + 1);
  });
});

describe('hand-computed figures and Asia/Shanghai period boundaries', () => {
  let hw: World;
  let hwAdmin: Agent;
  beforeAll(async () => {
    hw = await buildWorld(t.s.db);
    const staff = { intake: await load(hw.cityOffice.id, ['intake']), analyst: await load(hw.cityOffice.id, ['analyst']), handler: await load(hw.cityOffice.id, ['handler']) };
    const r = rng(99);
    const base = { jurisdiction: hw.districtB, officeUnitId: hw.officeB.id, categoryCode: 'fraud' };
    // 23:59 on 28 February in Shanghai (15:59 UTC): February
    await driveReport(t.s, t.clock, staff, { ...base, at: at('2026-02-28T15:59:00Z'), text: distinctText(r), steps: [] });
    // 00:00 on 1 March in Shanghai (16:00 UTC on 28 February): March
    await driveReport(t.s, t.clock, staff, { ...base, at: at('2026-02-28T16:00:00Z'), text: distinctText(r), steps: [] });
    // submitted in the last second of March, accepted in the first second of April
    await driveReport(t.s, t.clock, staff, { ...base, at: at('2026-03-31T15:59:59Z'), categoryCode: 'rumor', text: distinctText(r), steps: [{ after: 1 / 60, step: { do: 'accept' } }] });
    // the whole loop in March: accepted after 30 min, disposed 2 h later, answered after 1 h, closed
    await driveReport(t.s, t.clock, staff, { ...base, at: at('2026-03-10T10:00:00+08:00'), channel: 'phone', text: distinctText(r), steps: [
      { after: 30, step: { do: 'accept' } }, { after: 20, step: { do: 'assess' } }, { after: 10, step: { do: 'no_violation' } },
      { after: 90, step: { do: 'complete' } }, { after: 60, step: { do: 'reply' } }, { after: 5, step: { do: 'close' } }] });
    t.clock.set(at('2026-05-15T10:00:00+08:00'));
    await t.s.stats.rollup.refresh();
    hwAdmin = await signIn(t.app, hw.users.cityAdmin.username);
  });

  it('counts March and February as the office calendar does', async () => {
    const m = await dash(hwAdmin, `period=month&from=2026-03-01&jurisdictionId=${hw.districtB.id}`);
    expect(m.period).toEqual({ kind: 'month', from: '2026-03-01', to: '2026-03-31' });
    expect(m.figures.received).toEqual({ value: 3, previous: 1, lastYear: 0 });
    expect(m.figures.accepted.value).toBe(1);
    expect(m.figures.disposed.value).toBe(1);
    expect(m.figures.answered.value).toBe(1);
    expect(m.figures.closed.value).toBe(1);
    expect(m.onTime.find((o) => o.stage === 'accept')).toEqual({ stage: 'accept', timed: 1, onTime: 1, rate: 100 });
    expect(m.durations).toEqual([
      { stage: 'accept', count: 1, median: 45, p90: 45 },
      { stage: 'dispose', count: 1, median: 180, p90: 180 },
      { stage: 'reply', count: 1, median: 90, p90: 90 },
    ]);
    expect(m.breakdowns.category.map((c) => [c.key, c.received])).toEqual([['fraud', 2], ['rumor', 1]]);
    expect(m.breakdowns.channel.map((c) => [c.key, c.received])).toEqual([['web', 2], ['phone', 1]]);
    expect(m.trend.points.find((p) => p.key === '2026-03-01')?.received).toBe(1);
    expect(m.trend.points.find((p) => p.key === '2026-03-31')?.received).toBe(1);
    const apr = await dash(hwAdmin, `period=month&from=2026-04-01&jurisdictionId=${hw.districtB.id}`);
    expect([apr.figures.received.value, apr.figures.accepted.value]).toEqual([0, 1]);
    const city = await dash(hwAdmin, `period=quarter&from=2026-01-01&jurisdictionId=${hw.city.id}`);
    expect(city.figures.received.value).toBe(4);
    expect(city.jurisdictions.map((j) => [j.key, j.received])).toEqual(expect.arrayContaining([[hw.districtB.id, 4], [hw.districtA.id, 0]]));
  });

  it('lists the reports behind a figure, in scope', async () => {
    const res = await hwAdmin.get(`/api/stats/items?period=month&from=2026-03-01&jurisdictionId=${hw.districtB.id}&figure=received&dim=category&key=fraud`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
    expect(res.json().items.map((i: { submittedAt: string }) => i.submittedAt).sort()).toEqual(['2026-02-28T16:00:00.000Z', '2026-03-10T02:00:00.000Z']);
  });
});

describe('jurisdiction scoping', () => {
  it('shows a district office its own subtree only, and refuses others', async () => {
    const mine = await dash(adminA, 'period=year&from=2026-01-01');
    expect(mine.jurisdiction.id).toBe(w.districtA.id);
    const asCity = await dash(cityAdmin, `period=year&from=2026-01-01&jurisdictionId=${w.districtA.id}`);
    expect(mine.figures).toEqual(asCity.figures);
    expect(mine.trail.map((x) => x.id)).toEqual([w.districtA.id]);
    expect(asCity.trail.map((x) => x.id)).toEqual([w.city.id, w.districtA.id]);
    for (const url of [`/api/stats/dashboard?jurisdictionId=${w.districtB.id}`, `/api/stats/items?figure=received&jurisdictionId=${w.city.id}`,
      `/api/stats/export.xlsx?jurisdictionId=${w.districtB.id}`, `/api/stats/dsa-statements?from=2026-01-01&to=2026-03-31&jurisdictionId=${w.city.id}`]) {
      const res = await adminA.get(url);
      expect([url, res.statusCode, res.json().code]).toEqual([url, 403, 'jurisdiction.out_of_scope']);
    }
    const items = (await adminA.get('/api/stats/items?period=year&from=2026-01-01&figure=received&limit=200')).json();
    expect(items.total).toBe(mine.figures.received.value);
    expect(items.items.every((i: { jurisdictionName: string }) => [w.districtA.name, w.townA.name].includes(i.jurisdictionName))).toBe(true);
  });

  it('needs stats.read for the dashboard and stats.publish for the transparency page', async () => {
    const intake = await signIn(t.app, (await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] })).username);
    expect((await intake.get('/api/stats/dashboard')).statusCode).toBe(403);
    expect((await cityAdmin.get('/api/stats/transparency/2026-03')).statusCode).toBe(403);
    expect((await cityAdmin.post('/api/stats/transparency/2026-03/approve', {})).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/stats/dashboard' })).statusCode).toBe(401);
  });

  it('answers bad input with a clear 4xx and writes nothing', async () => {
    const n = async () => (await t.s.db.select({ n: count() }).from(statsTransparencyMonths))[0]!.n;
    const before = await n();
    for (const [url, code] of [['/api/stats/dashboard?period=custom&from=2026-03-01', 'stats.invalid_period'], ['/api/stats/dashboard?period=custom&from=2026-03-09&to=2026-03-01', 'stats.invalid_period'],
      ['/api/stats/dashboard?period=week', 'request.invalid'], ['/api/stats/dashboard?from=2026-02-30', 'request.invalid'], ['/api/stats/items?figure=nope', 'request.invalid']] as const) {
      const res = await cityAdmin.get(url);
      expect([url, res.statusCode, res.json().code]).toEqual([url, code === 'request.invalid' ? 400 : 422, code]);
    }
    expect((await leader.post('/api/stats/transparency/2026-13/approve', {})).json().code).toBe('request.invalid');
    expect((await leader.post('/api/stats/transparency/2026-03/approve', { correction: 'x', extra: 1 })).statusCode).toBe(400);
    expect((await leader.post('/api/stats/transparency/2026-05/approve', {})).json().code).toBe('stats.month_not_over');
    expect(await n()).toBe(before);
  });

  it('answers months outside 2000-01..2999-12 with 400 and far months without data with 404, never 500', async () => {
    for (const month of ['0000-01', '0001-01', '0099-12', '1999-12', '3000-01', '20260-1', '2026-00']) {
      const internal = await leader.get(`/api/stats/transparency/${month}`);
      const pub = await t.app.inject({ method: 'GET', url: `/api/public/transparency/${month}`, remoteAddress: '198.51.100.31' });
      const approve = await leader.post(`/api/stats/transparency/${month}/approve`, {});
      expect([month, internal.statusCode, internal.json().code, pub.statusCode, pub.json().code, approve.statusCode])
        .toEqual([month, 400, 'request.invalid', 400, 'request.invalid', 400]);
    }
    for (const month of ['2000-01', '2999-12']) {
      expect([month, (await leader.get(`/api/stats/transparency/${month}`)).json().live.total]).toEqual([month, 0]);
      const pub = await t.app.inject({ method: 'GET', url: `/api/public/transparency/${month}`, remoteAddress: '198.51.100.31' });
      expect([month, pub.statusCode, pub.json().code]).toEqual([month, 404, 'stats.not_published']);
    }
  });

  it('answers dates outside 2000..2999 with 400, never 500 (years 0–99 were read as 1900–1999)', async () => {
    for (const url of ['/api/stats/dashboard?from=0001-01-01', '/api/stats/dashboard?period=year&from=0099-01-01', '/api/stats/items?figure=received&from=0001-01-01',
      '/api/stats/dsa-statements?from=1999-12-01&to=2000-01-31', '/api/stats/dashboard?period=custom&from=2026-01-01&to=3000-01-01']) {
      const res = await leader.get(url);
      expect([url, res.statusCode, res.json().code]).toEqual([url, 400, 'request.invalid']);
    }
    const preview = await cityAdmin.post('/api/calendar/preview', { start: '0001-01-01T00:00:00+08:00', amount: 5, unit: 'working_days' });
    expect([preview.statusCode, preview.json().code]).toEqual([400, 'request.invalid']);
    expect((await leader.get('/api/stats/dashboard?from=2000-01-01')).statusCode).toBe(200);
  });
});

describe('public transparency page', () => {
  it('shows only approved months, frozen at approval; a correction is a new version', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/public/transparency/2026-03' })).json().code).toBe('stats.not_published');
    const preview = (await leader.get('/api/stats/transparency/2026-03')).json();
    expect(preview.published).toBeNull();
    const city = await dash(cityAdmin, `period=month&from=2026-03-01&jurisdictionId=${w.city.id}`);
    expect(preview.live.total).toBe(city.figures.received.value);
    expect(preview.live.byLevel.reduce((s: number, l: { count: number }) => s + l.count, 0)).toBe(city.figures.received.value);
    const approved = await leader.post('/api/stats/transparency/2026-03/approve', {});
    expect(approved.statusCode).toBe(201);
    expect(approved.json()).toMatchObject({ month: '2026-03', version: 1, correction: null });
    const evs = await t.s.db.select().from(events).where(eq(events.subjectId, `${w.city.id}:2026-03`));
    expect(evs.map((e) => e.action)).toEqual(['stats.transparency_approved']);

    // a late record changes March after publication: the public month stays as approved
    await driveReport(t.s, t.clock, staff, { at: at('2026-03-20T09:00:00+08:00'), jurisdiction: w.city, officeUnitId: w.cityOffice.id, categoryCode: 'porn', text: distinctText(rng(5)), steps: [] });
    t.clock.set(at('2026-05-15T10:00:00+08:00'));
    const live = (await leader.get('/api/stats/transparency/2026-03')).json();
    expect(live.live.total).toBe(preview.live.total + 1);
    expect(live.published.data.total).toBe(preview.live.total);
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/transparency/2026-03' })).json();
    expect(pub.data.total).toBe(preview.live.total);
    expect((await leader.post('/api/stats/transparency/2026-03/approve', {})).json().code).toBe('stats.already_published');
    const v2 = await leader.post('/api/stats/transparency/2026-03/approve', { correction: '补录一件3月来信举报' });
    expect(v2.json()).toMatchObject({ version: 2, correction: '补录一件3月来信举报' });
    const feed = (await t.app.inject({ method: 'GET', url: '/api/public/transparency' })).json();
    expect(feed.months.map((m: { month: string; version: number }) => [m.month, m.version])).toEqual([['2026-03', 2]]);
    expect(feed.months[0].data.total).toBe(preview.live.total + 1);
  });
});

describe('exports', () => {
  it('writes the dashboard as xlsx and the work report as docx with saved queries behind its figures', async () => {
    const x = await cityAdmin.get(`/api/stats/export.xlsx?period=quarter&from=2026-01-01&jurisdictionId=${w.city.id}`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toContain('总览');
    const one = await cityAdmin.get(`/api/stats/export.xlsx?period=quarter&from=2026-01-01&table=category`);
    const wb1 = new ExcelJS.Workbook();
    await wb1.xlsx.load(one.rawPayload as unknown as ArrayBuffer);
    expect(wb1.worksheets.map((s) => s.name)).toEqual(['举报类别']);

    const before = (await t.s.db.select({ n: count() }).from(statsSavedQueries))[0]!.n;
    const doc = await cityAdmin.post('/api/stats/work-report', { period: 'quarter', from: '2026-01-01', jurisdictionId: w.city.id });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // the office unit's own name heads the report, not "<jurisdiction>网信办"
    const chunks: Buffer[] = [];
    for await (const c of (await openZip(doc.rawPayload, XLSX_LIMITS)).read('word/document.xml')) chunks.push(c);
    const text = Buffer.concat(chunks).toString('utf8').replace(/<[^>]+>/g, '');
    expect(text).toContain(w.cityOffice.name);
    expect(text).not.toContain(`${w.city.name}网信办`);
    // rendered through the documents module: stored, and its hash on the document.rendered event
    const documentId = String(doc.headers['x-document-id']);
    expect(doc.headers['x-content-sha256']).toBe(sha256Hex(doc.rawPayload));
    const [rendered] = await t.s.db.select().from(events).where(and(eq(events.subjectType, 'document'), eq(events.subjectId, documentId)));
    expect(rendered).toMatchObject({ action: 'document.rendered', payload: { template: 'work_report', version: 1, sha256: sha256Hex(doc.rawPayload), subject: { type: 'jurisdiction', id: w.city.id } } });
    const stored = await cityAdmin.get(`/api/documents/${documentId}/file`);
    expect(stored.rawPayload.equals(doc.rawPayload)).toBe(true);
    expect((await cityAdmin.get(`/api/documents/${documentId}`)).json()).toMatchObject({ template: 'work_report', title: '工作情况汇报', filename: decodeURIComponent(String(doc.headers['content-disposition']).split("''")[1]!) });
    expect((await adminA.get(`/api/documents/${documentId}`)).statusCode).toBe(404);
    const saved = await t.s.db.select().from(statsSavedQueries).orderBy(statsSavedQueries.createdAt);
    expect(saved.length - before).toBeGreaterThanOrEqual(6);
    const q = saved.find((s) => s.figure === 'work.reports_accepted' && (s.params as { jurisdictionId: string }).jurisdictionId === w.city.id)!;
    const rerun = (await cityAdmin.get(`/api/stats/queries/${q.id}`)).json();
    expect(rerun).toMatchObject({ figure: 'work.reports_accepted', savedValue: q.value });
    expect(rerun.currentValue).toBe((await dash(cityAdmin, `period=quarter&from=2026-01-01&jurisdictionId=${w.city.id}`)).figures.accepted.value);
    expect((await adminA.get(`/api/stats/queries/${q.id}`)).statusCode).toBe(404);
  });

  it.skipIf(!canRenderPdf && !mustRenderPdf)('renders the work report to a PDF (LibreOffice) with its headings, figures and office', async () => {
    const doc = await cityAdmin.post('/api/stats/work-report', { period: 'quarter', from: '2026-01-01', jurisdictionId: w.city.id });
    const { text } = docxToPdfText(doc.rawPayload);
    const flat = text.replace(/\s+/g, '');
    for (const heading of ['一、总体情况', '二、主要数据', '三、举报类别与属地分布', '四、办理时效', '五、移交协同与平台处置', '六、数据来源说明']) expect(flat).toContain(heading);
    expect(flat).toContain('受理举报件次');
    expect(flat).toContain(w.cityOffice.name);
    expect(flat).toContain('—1—');
  }, 180_000);

  it('exports disposal decisions as DSA statements of reasons', async () => {
    const res = await cityAdmin.get(`/api/stats/dsa-statements?from=2025-12-01&to=2026-04-30&jurisdictionId=${w.city.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const [n] = rows<{ n: string }>(await t.s.db.execute(sql`select count(*) as n from report_disposals d join reports r on r.id = d.report_id
      where r.jurisdiction_path like ${`${w.city.path}%`} and d.kind in ('order_platform', 'account_action')`));
    expect(body.count).toBe(Number(n!.n));
    expect(body.statements[0]).toMatchObject({ decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT', automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED', automated_detection: 'No' });
    expect(body.statements[0].category).toMatch(/^STATEMENT_CATEGORY_/);
  });
});
