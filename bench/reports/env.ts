/** The benchmark's own database, services and jurisdiction tree; percentiles; results.md sections. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { type Config, testConfig } from '../../apps/server/src/config';
import { openDb, type DbHandle } from '../../apps/server/src/db/client';
import { runMigrations } from '../../apps/server/src/db/migrate';
import { systemClock } from '../../apps/server/src/lib/clock';
import { createServices, type Services } from '../../apps/server/src/services';
import { seedBase } from '../../apps/server/src/seed/base';
import { buildJurisdiction, buildUnit, buildUser } from '../../apps/server/test/factories';
import { machine } from '../textscan/measure';

export const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchEnv {
  handle: DbHandle;
  s: Services;
  url: string;
  tree: Awaited<ReturnType<typeof buildTree>>;
}

/** A fresh UTF-8 database with the migrations, base seed and tree; dropped afterwards, whatever happens. */
export async function withBenchDb<T>(tag: string, overrides: Partial<Config>, fn: (env: BenchEnv) => Promise<T>): Promise<T> {
  const name = `tianlang_bench_reports_${tag}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`create database ${name} encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`);
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  // The server's own pool size (bootstrap.ts opens the database with openDb's default of 10).
  const handle = await openDb({ databaseUrl: u.toString() });
  try {
    await runMigrations(handle);
    await seedBase(handle.db, new Date());
    const tree = await buildTree(handle);
    const s = createServices({ config: testConfig(overrides), handle, clock: systemClock, logger: pino({ level: 'silent' }) });
    return await fn({ handle, s, url: u.toString(), tree });
  } catch (err) {
    console.error(err);
    throw err;
  } finally {
    await handle.close();
    // pg-pool's end() resolves before the sockets are closed; a forced drop meanwhile makes them emit errors.
    await new Promise((r) => setTimeout(r, 500));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * 属地 in three levels, 21 nodes: a city, 5 districts, 3 towns in each. An office per city and
 * district, 40 staff (the assignees), 20 trusted reporters; the city and first district user are
 * the two viewpoints of the queue benchmark.
 */
async function buildTree(handle: DbHandle) {
  const db = handle.db;
  const city = await buildJurisdiction(db, { level: 'city', name: '天朗市' });
  const districts = [];
  const towns = [];
  for (let d = 0; d < 5; d++) {
    const district = await buildJurisdiction(db, { parent: city, level: 'district', name: `第${d + 1}区` });
    districts.push(district);
    for (let t = 0; t < 3; t++) towns.push(await buildJurisdiction(db, { parent: district, level: 'town', name: `第${d + 1}区${t + 1}镇` }));
  }
  const cityOffice = await buildUnit(db, { jurisdictionId: city.id, name: '天朗市网信办' });
  const offices = [cityOffice];
  for (const d of districts) offices.push(await buildUnit(db, { jurisdictionId: d.id, name: `${d.name}网信办` }));
  const cityUser = await buildUser(db, { unitId: cityOffice.id, roles: ['admin'], username: 'bench_city' });
  const districtUser = await buildUser(db, { unitId: offices[1]!.id, roles: ['admin'], username: 'bench_district' });
  const staff = [cityUser, districtUser];
  for (let i = 0; i < 38; i++) staff.push(await buildUser(db, { unitId: offices[i % offices.length]!.id, roles: ['handler'] }));
  const trusted = [];
  for (let i = 0; i < 20; i++) trusted.push(await buildUser(db, { unitId: offices[i % offices.length]!.id, roles: ['intake'] }));
  return { city, districts, towns, nodes: [city, ...districts, ...towns], cityOffice, offices, cityUser, districtUser, staff, trusted };
}

/** The p-th percentile (0–100) of ascending values, nearest rank. */
export function pct(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function environment(handle: DbHandle) {
  const m = machine();
  const res = await handle.db.execute(sql`select version() as v`) as unknown as { rows: { v: string }[] };
  return { ...m, postgres: res.rows[0]!.v.split(' on ')[0]! };
}

const RESULTS = path.join(import.meta.dirname, 'results.md');

/** Replaces the generated part of one section of results.md (between its markers), keeping the prose around it. */
export function writeSection(mode: string, body: string) {
  const begin = `<!-- ${mode}:begin (generated by run.ts) -->`;
  const end = `<!-- ${mode}:end -->`;
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Reports benchmarks\n';
  const block = `${begin}\n${body.trim()}\n${end}`;
  const at = current.indexOf(begin);
  const next = at >= 0 ? current.slice(0, at) + block + current.slice(current.indexOf(end, at) + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS, next);
}
