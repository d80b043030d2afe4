/**
 * The console queue on 1,000,000 reports: the first page (50 rows and the capped total) of every
 * tab × filter, through the real service `reports.queue.list`, for a city-level and a district-level user.
 */
import { sql } from 'drizzle-orm';
import { REPORT_QUEUES, ReportQuerySchema, type ReportQuery } from '@tianlang/contracts';
import type { AuthUser } from '../../apps/server/src/modules/auth/auth.types';
import type { Services } from '../../apps/server/src/services';
import { environment, pct, round, withBenchDb, writeSection } from './env';
import { generateReports } from './queue-data';

const TOTAL = Number(process.env.REPORTS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 20);
const TARGET_P95_MS = 150;

type Filter = [name: string, query: Partial<ReportQuery>];
/** Who looks, and where: the city user, the user of the first district, districts and towns in tree order. */
export interface Viewpoints { cityUserId: string; districtUserId: string; districtIds: string[]; townIds: string[] }
export interface QueueCase { user: string; tab: string; filter: string; p50Ms: number; p95Ms: number; maxMs: number; rows: number; total: number }

async function filtersFor(s: Services, v: Viewpoints, user: AuthUser, level: 'city' | 'district'): Promise<Filter[]> {
  // a district other than the user's own for the city user; the district user's own district and one of its towns
  const district = level === 'city' ? v.districtIds[1]! : v.districtIds[0]!;
  const town = v.townIds[level === 'city' ? 4 : 1]!;
  const res = await s.db.execute(sql`select tracking_no from reports where jurisdiction_path like ${`${user.scopePath}%`} order by submitted_at desc offset 1000 limit 1`) as unknown as { rows: { tracking_no: string }[] };
  return [
    ['none', {}],
    ['category (parent)', { categoryCode: 'infringement' }],
    ['category (leaf)', { categoryCode: 'fraud' }],
    ['zone', { zoneCode: 'zone.minors' }],
    ['jurisdiction: district', { jurisdictionId: district }],
    ['jurisdiction: town', { jurisdictionId: town }],
    ['platform', { platform: '抖音' }],
    ['channel (rare)', { channel: 'phone' }],
    ['trusted', { trusted: 'true' }],
    ['state', { state: 'disposing' }],
    ['q = tracking number', { q: res.rows[0]!.tracking_no.toLowerCase() }],
  ];
}

/** Every tab × filter for both users, `runs` times each after one warm-up call; p50/p95 per case. */
export async function timeCases(s: Services, v: Viewpoints, runs: number): Promise<QueueCase[]> {
  const cases: QueueCase[] = [];
  for (const [level, id] of [['city', v.cityUserId], ['district', v.districtUserId]] as const) {
    const user = (await s.auth.repo.loadAuthUser(id))!;
    for (const [filter, extra] of await filtersFor(s, v, user, level)) {
      for (const tab of REPORT_QUEUES) {
        const query = ReportQuerySchema.parse({ queue: tab, limit: 50, ...extra });
        const times: number[] = [];
        let last = { rows: 0, total: 0 };
        await s.reports.queue.list(user, query);
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          const res = await s.reports.queue.list(user, query);
          times.push(performance.now() - t);
          last = { rows: res.rows.length, total: res.total };
        }
        times.sort((a, b) => a - b);
        const c = { user: level, tab, filter, p50Ms: round(pct(times, 50)), p95Ms: round(pct(times, 95)), maxMs: round(times[times.length - 1]!), ...last };
        cases.push(c);
        if (c.p95Ms > TARGET_P95_MS) console.log('slow', JSON.stringify(c));
      }
    }
  }
  return cases;
}

export function caseTable(cases: QueueCase[]): string {
  const table = ['| user | filter | ' + REPORT_QUEUES.join(' | ') + ' |', '|---|---|' + REPORT_QUEUES.map(() => '---:|').join('')];
  for (const level of ['city', 'district']) {
    for (const filter of [...new Set(cases.map((c) => c.filter))]) {
      const row = REPORT_QUEUES.map((tab) => { const c = cases.find((x) => x.user === level && x.filter === filter && x.tab === tab)!; return `${c.p50Ms} / ${c.p95Ms}`; });
      table.push(`| ${level} | ${filter} | ${row.join(' | ')} |`);
    }
  }
  return table.join('\n');
}

export async function benchQueue() {
  return withBenchDb('queue', {}, async (env) => {
    const { s, tree } = env;
    const t0 = performance.now();
    await generateReports(env, TOTAL);
    const generateSeconds = round((performance.now() - t0) / 1000);
    const sizes = await s.db.execute(sql`select pg_size_pretty(pg_table_size('reports')) as heap, pg_size_pretty(pg_indexes_size('reports')) as indexes,
      (select count(*) from reports)::int as rows`) as unknown as { rows: Record<string, unknown>[] };
    const cases = await timeCases(s, {
      cityUserId: tree.cityUser.id, districtUserId: tree.districtUser.id, districtIds: tree.districts.map((d) => d.id), townIds: tree.towns.map((t) => t.id),
    }, RUNS);
    const slow = cases.filter((c) => c.p95Ms > TARGET_P95_MS);
    const worst = [...cases].sort((a, b) => b.p95Ms - a.p95Ms).slice(0, 5);
    const all = cases.map((c) => c.p95Ms).sort((a, b) => a - b);
    const summary = { cases: cases.length, runsEach: RUNS, overTarget: slow.length, medianOfP95Ms: pct(all, 50), worst };
    console.log(summary);
    const head = { ...(await environment(env.handle)), reports: TOTAL, generateSeconds, table: sizes.rows[0], ...summary };
    writeSection('queue', '```json\n' + JSON.stringify(head, null, 2) + '\n```\n\nFirst page, p50 / p95 in ms over ' + RUNS + ' runs (rows query and capped count):\n\n' + caseTable(cases));
    return { head, cases };
  });
}
