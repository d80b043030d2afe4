/**
 * Statistics benchmark (issue 6): the year dashboard over 10 million reports on PostgreSQL, from the
 * rollup, against the peer — the same figures by a direct GROUP BY over the base table — in one run.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/stats/run.ts      # REPORTS=10000000 RUNS=30
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { periodContaining, periodRange } from '@tianlang/core';
import { applySql, rollupRowsSql } from '../../apps/server/src/modules/stats/facts.sql';
import { buildUnit } from '../../apps/server/test/factories';
import { environment, pct, round, withBenchDb, type BenchEnv } from '../reports/env';
import { generate } from './data';
import { writeResults } from './results';

const REPORTS = Number(process.env.REPORTS ?? 10_000_000);
const RUNS = Number(process.env.RUNS ?? 30);
const YEAR = 2025;

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const v = await fn();
  return [v, ms(t0)];
}

/** The same figures, straight from `reports` (no rollup, no facts): one query per table of the dashboard, run together. */
async function peer(url: string, path: string, nodes: { id: string; path: string; level: string }[], start: Date, end: Date) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const inP = (c: string) => `${c} >= $2 and ${c} < $3`;
  const q = (text: string) => pool.query(text, [`${path}%`, start, end]).then((r) => r.rows);
  const children = nodes.filter((n) => n.path.startsWith(path) && n.path.split('/').length === path.split('/').length + 1);
  try {
    const [totals, byCategory, byChannel, byLevel, byChild, trend] = await Promise.all([
      q(`select count(*) filter (where ${inP('submitted_at')}) as received, count(*) filter (where ${inP('accepted_at')}) as accepted,
          count(*) filter (where ${inP('disposed_at')}) as disposed, count(*) filter (where ${inP('answered_at')}) as answered,
          count(*) filter (where ${inP('closed_at')}) as closed from reports where jurisdiction_path like $1`),
      q(`select split_part(category_code, '.', 1) as key, count(*) as n from reports where jurisdiction_path like $1 and ${inP('submitted_at')} group by 1`),
      q(`select channel::text as key, count(*) as n from reports where jurisdiction_path like $1 and ${inP('submitted_at')} group by 1`),
      q(`select j.level::text as key, count(*) as n from reports r join jurisdictions j on j.id = r.jurisdiction_id
          where r.jurisdiction_path like $1 and ${inP('r.submitted_at')} group by 1`),
      q(`select split_part(jurisdiction_path, '/', ${path.split('/').length}) as key, count(*) as n from reports
          where jurisdiction_path like $1 and jurisdiction_path <> '${path}' and ${inP('submitted_at')} group by 1`),
      q(`select to_char(date_trunc('month', submitted_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as key, count(*) as n from reports
          where jurisdiction_path like $1 and ${inP('submitted_at')} group by 1`),
    ]);
    const map = (rows: { key: string; n: string }[]) => Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
    return {
      totals: Object.fromEntries(Object.entries(totals[0]!).map(([k, v]) => [k, Number(v)])),
      category: map(byCategory), channel: map(byChannel), level: map(byLevel),
      children: Object.fromEntries(children.map((c) => [c.id, map(byChild)[c.id] ?? 0])), trend: map(trend),
    };
  } finally {
    await pool.end();
  }
}

async function main() {
  await withBenchDb('stats', {}, async (env: BenchEnv) => {
    const { s, tree, url } = env;
    const platforms = await Promise.all([0, 1, 2].map((i) => buildUnit(s.db, { jurisdictionId: tree.city.id, kind: 'platform', name: `平台${i}` })));
    const police = await buildUnit(s.db, { jurisdictionId: tree.city.id, kind: 'department', name: '公安局' });
    console.log(`generating ${REPORTS.toLocaleString('en')} reports of ${YEAR} and their facts …`);
    const [, genMs] = await time(() => generate(env, REPORTS, YEAR, platforms.map((p) => p.id), police.id));

    // A full build as rollup.repo's rebuild does it, in monthly slices of the facts (each grouped into an unlogged
    // staging table, then summed once), so that 10 M reports' contributions never sit in one hash table.
    console.log('building the rollup from the facts, month by month …');
    const [, rollupMs] = await time(async () => {
      await s.db.execute(sql`create index stats_facts_bench_submitted_idx on stats_report_facts (submitted_at)`);
      await s.db.transaction(async (tx) => {
        await tx.execute(sql`set local jit = off`); // as rollup.repo's rebuild does
        await tx.execute(sql`create unlogged table stats_rollup_stage (like stats_rollup)`);
        for (let m = 0; m < 14; m++) {
          const from = new Date(Date.UTC(YEAR, m - 1, 1) - 8 * 3_600_000);
          const to = new Date(Date.UTC(YEAR, m, 1) - 8 * 3_600_000);
          await tx.execute(sql`insert into stats_rollup_stage ${rollupRowsSql(sql`select * from stats_report_facts where submitted_at >= ${from} and submitted_at < ${to}`, 1)}`);
          process.stdout.write(`\r  month ${m + 1}/14`);
        }
        process.stdout.write('\n');
        await tx.execute(sql`delete from stats_rollup`);
        await tx.execute(sql`insert into stats_rollup select jurisdiction_id, grain, period, dim, key, measure, sum(n) from stats_rollup_stage group by 1, 2, 3, 4, 5, 6`);
        await tx.execute(sql`drop table stats_rollup_stage`);
      });
      await s.db.execute(sql`vacuum analyze stats_rollup`);
    });
    const sizes = (await s.db.execute(sql`select relname as name, n_live_tup::bigint as rows, pg_total_relation_size(relid) as bytes
      from pg_stat_user_tables where relname in ('reports', 'stats_report_facts', 'stats_rollup')`) as unknown as { rows: { name: string; rows: string; bytes: string }[] }).rows;

    // the incremental path: a refresh replaces the facts of a batch of reports, applying −old and +new contributions
    // the reports a refresh sees are the ones that just changed: here the latest 2,000 submitted, by id as the job has them
    const latest = (await s.db.execute(sql`select report_id from stats_report_facts order by submitted_at desc limit 2000`) as unknown as { rows: { report_id: string }[] }).rows;
    const ids = sql`${`{${latest.map((r) => r.report_id).join(',')}}`}::uuid[]`;
    const [, deltaMs] = await time(() => s.db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`); // as rollup.repo's refresh does
      const batch = sql`select * from stats_report_facts where report_id = any(${ids})`;
      await tx.execute(applySql(batch, -1));
      await tx.execute(applySql(batch, 1));
    }));

    const period = periodContaining('year', `${YEAR}-06-01`);
    const { start, end } = periodRange(period);
    const viewpoints = [
      { name: 'city (whole tree)', user: tree.cityUser, node: tree.city },
      { name: 'district (1 of 5)', user: tree.districtUser, node: tree.districts[0]! },
    ];
    const cases = [];
    for (const v of viewpoints) {
      const user = (await s.auth.repo.loadAuthUser(v.user.id))!;
      const query = { period: 'year' as const, from: `${YEAR}-01-01` };
      for (let i = 0; i < 3; i++) await s.stats.dashboard.dashboard(user, query);
      const times: number[] = [];
      let d = await s.stats.dashboard.dashboard(user, query);
      for (let i = 0; i < RUNS; i++) {
        const [r, t] = await time(() => s.stats.dashboard.dashboard(user, query));
        d = r;
        times.push(t);
      }
      times.sort((a, b) => a - b);
      const peerTimes: number[] = [];
      let p = await peer(url, v.node.path, tree.nodes, start, end);
      for (let i = 0; i < 3; i++) {
        const [r, t] = await time(() => peer(url, v.node.path, tree.nodes, start, end));
        p = r;
        peerTimes.push(t);
      }
      peerTimes.sort((a, b) => a - b);
      // the two must agree on every figure they both compute
      const mine = {
        totals: Object.fromEntries(['received', 'accepted', 'disposed', 'answered', 'closed'].map((f) => [f, d.figures[f as 'received'].value])),
        category: Object.fromEntries(d.breakdowns.category.filter((c) => c.received).map((c) => [c.key, c.received])),
        channel: Object.fromEntries(d.breakdowns.channel.filter((c) => c.received).map((c) => [c.key, c.received])),
        level: Object.fromEntries(d.breakdowns.level.filter((c) => c.received).map((c) => [c.key, c.received])),
        children: Object.fromEntries(d.jurisdictions.map((j) => [j.key, j.received])),
        trend: Object.fromEntries(d.trend.points.filter((x) => x.received).map((x) => [x.key, x.received])),
      };
      const agree = Object.keys(mine).every((k) => JSON.stringify(Object.entries(mine[k as 'totals']).sort()) === JSON.stringify(Object.entries((p as Record<string, Record<string, number>>)[k]!).sort()));
      if (!agree) console.error('DISAGREE', JSON.stringify({ mine, peer: p }));
      const c = {
        name: v.name, received: d.figures.received.value, p50: round(pct(times, 50)), p95: round(pct(times, 95)), max: round(times[times.length - 1]!),
        peerP50: round(pct(peerTimes, 50)), ratio: round(pct(peerTimes, 50) / pct(times, 50), 0), agree,
      };
      console.log(c);
      cases.push(c);
    }
    writeResults({ env: await environment(env.handle), reports: REPORTS, runs: RUNS, genMs, rollupMs, deltaMs, sizes, cases });
  });
}

await main();
