import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { testConfig } from '../../config';
import { openDb, type Db, type DbHandle, type Queryable } from '../../db/client';
import { MIGRATIONS_FOLDER, runMigrations } from '../../db/migrate';
import { auditCheckpoints, events } from '../../db/schema';
import { createSecrets } from '../../lib/secrets';
import { writeCheckpoint } from './checkpoints';
import { auditKeysOf, eventHashV1, useAuditKeys, type HashedFields } from './event-hash';
import { appendEvent, chainHeads, chainRows } from './events.service';
import { verifyChains, type AuditVerification } from './log-verify';

const SECRET_KEY = testConfig().SECRET_KEY!;
const keys = auditKeysOf(createSecrets(SECRET_KEY));
const at = new Date('2026-11-23T02:00:00Z');
const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** The migrations as they were before keyed hashes: the journal cut before them. */
async function migrationsBeforeKeyedHashes(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tianlang-mig-'));
  dirs.push(dir);
  await cp(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta/_journal.json');
  const j = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = j.entries.findIndex((e) => e.tag.endsWith('_audit_keyed_checkpoints'));
  expect(cut).toBeGreaterThan(0);
  await writeFile(journalPath, JSON.stringify({ ...j, entries: j.entries.slice(0, cut) }));
  return dir;
}

/** A chain written the way the code before keyed hashes did: plain SHA-256, no version column. */
async function appendAsOldCode(db: Db, subjectId: string, n: number) {
  let prevHash: string | null = null;
  for (let seq = 1; seq <= n; seq++) {
    const row: HashedFields = {
      subjectType: 'report', subjectId, seq, action: `old${seq}`, actorId: null, actorRole: null, unitId: null, fromState: null,
      toState: null, reason: null, payload: { seq }, batchId: null, createdAt: at, prevHash,
    };
    const hash = eventHashV1(row);
    await db.execute(sql`insert into events (subject_type, subject_id, seq, action, payload, created_at, prev_hash, hash)
      values ('report', ${subjectId}, ${seq}, ${row.action}, ${JSON.stringify(row.payload)}::jsonb, ${at.toISOString()}, ${prevHash}, ${hash})`);
    prevHash = hash;
  }
}

/**
 * v1 chain old1 (3 events) from before the migration, anchored by checkpoint 1; then v2 events:
 * old1 #4, n1 ×3, n2 ×2, n3 ×1 (n2 and n3 in bulk, as intake writes them), checkpoint 2, and one
 * more n1 event after it.
 */
async function buildLog(handle: DbHandle) {
  await migrate(handle.db as never, { migrationsFolder: await migrationsBeforeKeyedHashes() });
  await appendAsOldCode(handle.db, 'old1', 3);
  await runMigrations(handle);
  expect(await writeCheckpoint(handle.db, keys, at)).toMatchObject({ eventCount: 3, chainCount: 1 });
  await appendEvent(handle.db, { subjectType: 'report', subjectId: 'old1', action: 'v2', at });
  for (let i = 0; i < 3; i++) await appendEvent(handle.db, { subjectType: 'report', subjectId: 'n1', action: `s${i}`, payload: { i }, at });
  await handle.db.transaction(async (tx) => {
    const input = (subjectId: string, action: string) => ({ subjectType: 'report', subjectId, action, at });
    await tx.insert(events).values(chainRows([input('n2', 'a'), input('n3', 'a'), input('n2', 'b')], await chainHeads(tx, 'report', ['n2', 'n3'])));
  });
  expect(await writeCheckpoint(handle.db, keys, at)).toMatchObject({ eventCount: 10, chainCount: 4 });
  expect(await writeCheckpoint(handle.db, keys, at)).toBeNull();
  await appendEvent(handle.db, { subjectType: 'report', subjectId: 'n1', action: 'after', at });
}

/** Runs SQL as a tamperer with superuser rights would: past the append-only triggers. */
async function tamper(db: Queryable, fn: () => Promise<unknown>) {
  await db.execute(sql`set session_replication_role = replica`);
  await fn();
  await db.execute(sql`set session_replication_role = origin`);
}

const eventId = async (db: Db, subjectId: string, seq: number) =>
  (await db.select({ id: events.id }).from(events).where(and(eq(events.subjectId, subjectId), eq(events.seq, seq))))[0]!.id;

const summary = (r: AuditVerification) => [
  ...r.problems.map((p) => `${p.subjectId}#${p.seq}:${p.problem}`),
  ...r.checkpointProblems.map((p) => `cp${p.checkpointId === null ? '-' : Number(p.checkpointId)}:${p.problem}${p.signed ? `:${p.signed}>${p.found}` : ''}`),
].sort();

let handle: DbHandle;
let dataDir: string;
beforeAll(async () => {
  useAuditKeys(keys);
  dataDir = await mkdtemp(path.join(tmpdir(), 'tianlang-audit-'));
  dirs.push(dataDir);
  handle = await openDb({ dataDir });
  await buildLog(handle);
}, 120_000);

class Rollback extends Error {}

/** The built log tampered by `fn` and verified, in a transaction rolled back afterwards. */
async function verifyAfter(fn: (db: Queryable) => Promise<unknown>): Promise<string[]> {
  let found: string[] = [];
  await handle.db.transaction(async (tx) => {
    await tamper(tx, () => fn(tx));
    found = summary(await verifyChains(tx, { keys, pageSize: 3 }));
    throw new Rollback();
  }).catch((err: unknown) => { if (!(err instanceof Rollback)) throw err; });
  return found;
}

describe('audit log verification (keyed hashes and signed checkpoints)', () => {
  it('passes a clean log: v1 rows from before the migration, v2 rows, two checkpoints, one event after them', async () => {
    const r = await verifyChains(handle.db, { keys, pageSize: 3 });
    expect(summary(r)).toEqual([]);
    expect(r).toMatchObject({ checked: 11, checkpoints: 2, unanchored: 1 });
  }, 60_000);

  it('detects deleting the last event of a chain', async () => {
    expect(await verifyAfter(async (db) => db.delete(events).where(and(eq(events.subjectId, 'n2'), eq(events.seq, 2)))))
      .toEqual(['cp2:event_count:10>9', 'cp2:heads_digest']);
  }, 60_000);

  it('detects deleting a whole chain', async () => {
    expect(await verifyAfter(async (db) => db.delete(events).where(eq(events.subjectId, 'n3'))))
      .toEqual(['cp2:chain_count:4>3', 'cp2:event_count:10>9', 'cp2:heads_digest']);
  }, 60_000);

  it('detects deleting a row in the middle of a chain', async () => {
    expect(await verifyAfter(async (db) => db.delete(events).where(and(eq(events.subjectId, 'n1'), eq(events.seq, 2)))))
      .toEqual(['cp2:event_count:10>9', 'cp2:heads_digest', 'n1#3:seq_gap']);
  }, 60_000);

  it('detects a v2 row altered and re-hashed with plain SHA-256', async () => {
    expect(await verifyAfter(async (db) => {
      const [row] = await db.select().from(events).where(and(eq(events.subjectId, 'n2'), eq(events.seq, 1)));
      const forged = { ...row!, toState: 'closed' };
      await db.execute(sql`update events set to_state = 'closed', hash = ${eventHashV1(forged)} where id = ${row!.id}`);
    })).toEqual(['n2#1:hash_mismatch', 'n2#2:prev_hash_mismatch']);
  }, 60_000);

  it('detects a v2 row re-hashed with the v1 function and marked version 1', async () => {
    expect(await verifyAfter(async (db) => {
      const [row] = await db.select().from(events).where(and(eq(events.subjectId, 'n2'), eq(events.seq, 2)));
      const forged = { ...row!, reason: 'rewritten' };
      await db.execute(sql`update events set reason = 'rewritten', hash = ${eventHashV1(forged)}, hash_version = 1 where id = ${row!.id}`);
    })).toEqual(['cp2:heads_digest', 'n2#2:unkeyed_after_anchor']);
  }, 60_000);

  it('detects a v1 row from before the migration re-hashed with the v1 function (anchored by the first checkpoint)', async () => {
    expect(await verifyAfter(async (db) => {
      const [row] = await db.select().from(events).where(and(eq(events.subjectId, 'old1'), eq(events.seq, 3)));
      const forged = { ...row!, action: 'rewritten' };
      await db.execute(sql`update events set action = 'rewritten', hash = ${eventHashV1(forged)} where id = ${row!.id}`);
    })).toEqual(['cp1:heads_digest', 'old1#4:prev_hash_mismatch']);
  }, 60_000);

  it('detects a removed, an altered or a missing checkpoint', async () => {
    expect(await verifyAfter(async (db) => db.delete(auditCheckpoints).where(eq(auditCheckpoints.id, 1n)))).toEqual(['cp2:broken_link']);
    expect(await verifyAfter(async (db) => db.update(auditCheckpoints).set({ eventCount: 9 }).where(eq(auditCheckpoints.id, 2n))))
      .toEqual(['cp2:bad_signature', 'cp2:event_count:9>10']);
    expect(await verifyAfter(async (db) => db.delete(auditCheckpoints))).toEqual(['cp-:missing']);
  }, 60_000);

  it('refuses UPDATE, DELETE and TRUNCATE on checkpoints at the database', async () => {
    const refusal = (q: PromiseLike<unknown>) => Promise.resolve(q).then(() => 'accepted', (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message));
    expect(await refusal(handle.db.update(auditCheckpoints).set({ eventCount: 0 }))).toBe('audit_checkpoints is append-only (UPDATE rejected)');
    expect(await refusal(handle.db.delete(auditCheckpoints))).toBe('audit_checkpoints is append-only (DELETE rejected)');
    expect(await refusal(handle.db.execute(sql`truncate audit_checkpoints`))).toBe('audit_checkpoints is append-only (TRUNCATE rejected)');
    expect(await handle.db.$count(auditCheckpoints)).toBe(2);
  }, 60_000);

  it('audit:checkpoint writes a checkpoint; audit:verify exits 0 on the clean log, 1 naming the checkpoints once the last event of a chain is deleted', async () => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const cliRun = (name: string) => run(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, `../../cli/${name}.ts`)], { env: { ...env, DATA_DIR: dataDir, SECRET_KEY } })
      .then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }), (e: { code: number; stdout: string; stderr: string }) => e);
    const verify = () => cliRun('audit-verify');
    await handle.close(); // one process at a time on an embedded database
    const clean = await verify();
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('11 events verified');
    expect(clean.stdout).toContain('1 event(s) written since are verified by their chain links only');
    const checkpoint = await cliRun('audit-checkpoint');
    // (its id need not be 3: PGlite's sequences may skip ahead when the database is reopened)
    const third = /checkpoint #(\d+): 11 events in 4 chains, up to event \d+/.exec(checkpoint.stdout)?.[1];
    expect(third).toBeDefined();
    expect((await verify()).stdout).toContain('3 checkpoint(s)');
    const reopened = await openDb({ dataDir });
    await tamper(reopened.db, async () => reopened.db.execute(sql`delete from events where id = ${await eventId(reopened.db, 'n2', 2)}`));
    await reopened.close();
    const tampered = await verify();
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('TAMPERING DETECTED: 4 problem(s) in 10 events');
    expect(tampered.stderr).toContain('checkpoint #2: event_count (signed 10, found 9) — events it covers were removed');
    expect(tampered.stderr).toContain(`checkpoint #${third}: heads_digest — a chain it covers was truncated, removed or rewritten`);
  }, 120_000);
});
