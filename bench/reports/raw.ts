/**
 * The floor to compare the intake with: single-row INSERTs of precomputed report rows (the same
 * columns and values the intake writes, tracking numbers drawn the same way) into the reports
 * table itself, with all its indexes — once in a sequential loop on one connection, once with
 * the intake's concurrency over a pool the size of the server's.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { canonicalUrl, maskContact, officeDate, queryCode, trackingNumber } from '@tianlang/core';
import type { Services } from '../../apps/server/src/services';
import { createStream } from './gen';
import { cpuSample, cpuSince, type CpuUse } from './cpu';
import { pct, round } from './env';

const COLUMNS = ['tracking_no', 'query_code_hash', 'channel', 'category_code', 'zone_code', 'urls', 'canonical_url', 'canonical_urls',
  'platform_name', 'account_name', 'description', 'jurisdiction_id', 'jurisdiction_path', 'priority', 'contact_enc', 'contact_masked',
  'contact_shareable', 'source_hash', 'lsh', 'due_at', 'deadline_status', 'submitted_at', 'updated_at'];
const INSERT = `insert into reports (${COLUMNS.join(', ')}) values (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

export interface RawResult {
  variant: string; inFlight: number; seconds: number; rows: number; perSecond: number; p50Ms: number; p99Ms: number;
  cpu: CpuUse; cpuPerRow: { nodeMs: number; postgresMs: number };
}

/** Row parameters as the intake would compute them (canonical URLs, band keys, sealed contact, keyed hashes). */
export function rawRows(s: Services, where: { id: string; path: string }, count: number, seed: number): unknown[][] {
  const stream = createStream({ seed });
  const clustering = s.reports.clustering;
  const due = new Date(Date.now() + 86_400_000);
  return Array.from({ length: count }, () => {
    const { input } = stream.next();
    const canon = [...new Set(input.urls.map(canonicalUrl).filter((u): u is string => !!u))];
    const c = input.contact;
    const at = new Date();
    return [
      '', s.secrets.mac('query-code', queryCode(randomBytes(8))), 'web', input.categoryCode, input.zoneCode ?? null, JSON.stringify(input.urls),
      canon[0] ?? null, JSON.stringify(canon), input.platformName ?? null, input.accountName ?? null, input.description, where.id, where.path, 0,
      c ? s.secrets.seal(JSON.stringify(c)) : null, c ? [c.phone, c.email].filter(Boolean).map((v) => maskContact(v!)).join(' / ') : null,
      c?.shareWithPartners ?? false, s.secrets.mac('source', '127.0.0.1'), clustering.fingerprint(input.description)?.lsh ?? null,
      due, 'on_time', at, at,
    ];
  });
}

/** Inserts for `seconds` with `inFlight` loops over `pool` (one loop = the sequential variant). */
export async function rawInsertLoop(pool: pg.Pool, rows: unknown[][], inFlight: number, seconds: number, variant: string): Promise<RawResult> {
  const latencies: number[] = [];
  let next = 0;
  const from = cpuSample();
  const start = performance.now();
  const end = start + seconds * 1000;
  async function loop() {
    while (performance.now() < end) {
      const params = [...rows[next++ % rows.length]!];
      params[0] = trackingNumber(officeDate(new Date()), randomBytes(8));
      const t = performance.now();
      await pool.query(INSERT, params);
      latencies.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: inFlight }, loop));
  const elapsed = (performance.now() - start) / 1000;
  const cpu = cpuSince(from);
  latencies.sort((a, b) => a - b);
  const perSecond = Math.round(latencies.length / elapsed);
  return {
    variant, inFlight, seconds: round(elapsed), rows: latencies.length, perSecond,
    p50Ms: round(pct(latencies, 50), 2), p99Ms: round(pct(latencies, 99), 2),
    cpu, cpuPerRow: { nodeMs: round(cpu.nodeCores / perSecond * 1000, 3), postgresMs: round(cpu.postgresCores / perSecond * 1000, 3) },
  };
}

export async function rawBaselines(s: Services, url: string, where: { id: string; path: string }, inFlight: number, seconds: number) {
  const rows = rawRows(s, where, 20_000, 99);
  const one = new pg.Pool({ connectionString: url, max: 1 });
  const many = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const sequential = await rawInsertLoop(one, rows, 1, seconds, 'sequential, 1 connection');
    const concurrent = await rawInsertLoop(many, rows, inFlight, seconds, `${inFlight} in flight, pool of 10`);
    return { sequential, concurrent };
  } finally {
    await one.end();
    await many.end();
  }
}
