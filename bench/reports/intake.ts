/**
 * Public intake through the real route POST /api/public/reports of a listening server, driven by
 * a worker thread of concurrent HTTP clients; then the raw INSERT floor in the same database.
 */
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import type { Db } from '../../apps/server/src/db/client';
import { buildApp } from '../../apps/server/src/http/app';
import { background, cpuSample, cpuSince, type CpuUse } from './cpu';
import { environment, pct, round, withBenchDb, writeSection } from './env';
import type { LoadOptions, LoadResult } from './load-worker';
import { generateReports } from './queue-data';
import { rawBaselines } from './raw';

const CLIENTS = Number(process.env.CLIENTS ?? 32);
const WARMUP_S = Number(process.env.WARMUP ?? 5);
const DURATION_S = Number(process.env.DURATION ?? 30);
const RAW_S = Number(process.env.RAW_SECONDS ?? 15);
const PAYLOADS = Number(process.env.PAYLOADS ?? 120_000);
/** Reports already in the table (a few months of an office's history, generated in SQL and analyzed), so indexes and plans are those of a live table. */
const PREFILL = Number(process.env.PREFILL ?? 200_000);
/** Far above what the run sends, so neither the per-address rate limit nor the proof of work applies. */
const LIMITS = { RATE_LIMIT_PUBLIC_PER_MINUTE: 100_000_000, PUBLIC_FREE_SUBMISSIONS_PER_HOUR: 10_000_000 };

function runLoad(opts: LoadOptions): Promise<{ result: LoadResult; cpu: CpuUse }> {
  return new Promise((resolve, reject) => {
    // tsx's loader does not reach worker threads on Node 20: register it in the worker, then load the TypeScript.
    const api = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./load-worker.ts', import.meta.url).href;
    const worker = new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: opts });
    let from = cpuSample();
    worker.on('error', reject);
    worker.on('message', (m: { ready?: true; result?: LoadResult }) => {
      if (m.ready) {
        worker.postMessage('go');
        setTimeout(() => { from = cpuSample(); }, opts.warmupMs);
        return;
      }
      const cpu = cpuSince(from);
      void worker.terminate();
      resolve({ result: m.result!, cpu });
    });
  });
}

/** CPU milliseconds per item, for the node process and postgres. */
export const perItem = (cpu: CpuUse, perSecond: number) =>
  ({ nodeMs: round(cpu.nodeCores / perSecond * 1000, 2), postgresMs: round(cpu.postgresCores / perSecond * 1000, 2) });

export async function benchIntake() {
  return withBenchDb('intake', LIMITS, async (bench) => {
    const { handle, s, url, tree } = bench;
    const env = await environment(handle);
    if (PREFILL > 0) await generateReports(bench, PREFILL);
    const app = await buildApp(s);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const before = await counts(s.db);
    const idle = await background();
    const batchesBefore = s.reports.intake.batchStats();
    const load = await runLoad({ port, clients: CLIENTS, warmupMs: WARMUP_S * 1000, durationMs: DURATION_S * 1000, seed: 20261123, payloads: PAYLOADS });
    await app.close();
    const r = load.result;
    if (r.errors > 0 || r.firstError) throw new Error(`intake errors: ${r.errors}, first: ${r.firstError}`);
    const after = await counts(s.db);
    const lat = [...r.latencies].sort((x, y) => x - y);
    const perSecond = Math.round(r.completed / DURATION_S);
    const intake = {
      clients: CLIENTS, warmupSeconds: WARMUP_S, measuredSeconds: DURATION_S, completed: r.completed,
      perSecond, slowestSecond: Math.min(...r.perSecond), fastestSecond: Math.max(...r.perSecond),
      p50Ms: round(pct(lat, 50)), p95Ms: round(pct(lat, 95)), p99Ms: round(pct(lat, 99)), maxMs: round(lat[lat.length - 1] ?? NaN),
      cpu: load.cpu, cpuPerReport: perItem(load.cpu, perSecond),
      written: { reports: after.reports - before.reports, clustered: after.merged - before.merged, deadlines: after.deadlines - before.deadlines, events: after.events - before.events },
      payloadsGenerated: r.generated, generateSeconds: round(r.generateMs / 1000),
      batches: batchSizes(batchesBefore, s.reports.intake.batchStats()),
    };
    console.log('intake', intake);
    const raw = await rawBaselines(s, url, tree.city, CLIENTS, RAW_S);
    console.log('raw', raw);
    const result = {
      ...env, backgroundBeforeRun: idle, limits: LIMITS, prefilledReports: PREFILL, intake, raw,
      ratioToConcurrentRaw: round(intake.perSecond / raw.concurrent.perSecond, 2),
      ratioToSequentialRaw: round(intake.perSecond / raw.sequential.perSecond, 2),
    };
    writeSection('intake', '```json\n' + JSON.stringify(result, null, 2) + '\n```');
    return result;
  });
}

async function counts(db: Db) {
  const res = await db.execute(sql`select (select count(*) from reports)::int as reports, (select count(*) from reports where state = 'merged')::int as merged,
    (select count(*) from deadlines)::int as deadlines, (select count(*) from events)::int as events`) as unknown as { rows: Record<string, number>[] };
  return res.rows[0]! as { reports: number; merged: number; deadlines: number; events: number };
}

type BatchStats = Record<string, { statements: number; items: number; fallbacks: number; largest: number }>;
/** How many submissions shared a statement during the run: lookups, new items, members joining. */
function batchSizes(before: BatchStats, after: BatchStats) {
  return Object.fromEntries(Object.entries(after).map(([k, a]) => {
    const b = before[k]!;
    const statements = a.statements - b.statements;
    const items = a.items - b.items;
    return [k, { statements, items, perStatement: round(items / Math.max(statements, 1), 1), largest: a.largest, fallbacks: a.fallbacks - b.fallbacks }];
  }));
}
