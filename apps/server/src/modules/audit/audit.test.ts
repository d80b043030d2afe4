import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/factories';
import { signIn } from '../../../test/agent';
import { openDb } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { events } from '../../db/schema';
import { appendEvent, eventHash, verifyChains } from './events.service';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t.s.db);
});
afterAll(() => t.close());

describe('event log', () => {
  it('chains each subject’s events by hash', async () => {
    const subjectId = crypto.randomUUID();
    const at = new Date('2026-11-23T01:00:00Z');
    const a = await appendEvent(t.s.db, { subjectType: 'test', subjectId, action: 'a', at });
    const b = await appendEvent(t.s.db, { subjectType: 'test', subjectId, action: 'b', payload: { n: 1 }, at });
    expect(a.seq).toBe(1);
    expect(a.prevHash).toBeNull();
    expect(b).toMatchObject({ seq: 2, prevHash: a.hash });
    expect(eventHash(b)).toBe(b.hash);
  });

  it('keeps chains intact under concurrent writers', async () => {
    const subjectId = crypto.randomUUID();
    const at = new Date('2026-11-23T01:00:00Z');
    await Promise.all(Array.from({ length: 10 }, (_, i) =>
      t.s.db.transaction((tx) => appendEvent(tx, { subjectType: 'test', subjectId, action: `c${i}`, at }))));
    const rows = await t.s.db.select().from(events).where(and(eq(events.subjectType, 'test'), eq(events.subjectId, subjectId)));
    expect(rows.map((r) => r.seq).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('refuses UPDATE and DELETE on events at the database', async () => {
    const subjectId = crypto.randomUUID();
    const e = await appendEvent(t.s.db, { subjectType: 'test', subjectId, action: 'x', at: new Date() });
    await expect(t.s.db.update(events).set({ reason: 'edited' }).where(eq(events.id, e.id))).rejects.toThrow();
    await expect(t.s.db.delete(events).where(eq(events.id, e.id))).rejects.toThrow();
  });

  it('lists events of the reader’s jurisdiction only', async () => {
    const adminA = await signIn(t.app, w.users.adminA.username);
    const adminB = await signIn(t.app, w.users.adminB.username);
    await adminA.patch(`/api/jurisdictions/${w.townA.id}`, { name: '审计镇' });
    const seenByA = (await adminA.get(`/api/events?subjectId=${w.townA.id}`)).json();
    expect(seenByA.items.map((e: { action: string }) => e.action)).toContain('jurisdiction.updated');
    expect(seenByA.items[0]).toMatchObject({ actorName: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await adminB.get(`/api/events?subjectId=${w.townA.id}`)).json().total).toBe(0);
  });
});

function withoutDatabaseUrl() {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return env;
}

describe('audit:verify', () => {
  const run = promisify(execFile);
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'tianlang-audit-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('detects a modified, a re-hashed and a deleted row; the command exits 1 naming them', async () => {
    const handle = await openDb({ dataDir: dir });
    await runMigrations(handle);
    const at = new Date('2026-11-23T02:00:00Z');
    for (const id of ['s1', 's2', 's3']) {
      for (let i = 0; i < 3; i++) await appendEvent(handle.db, { subjectType: 'report', subjectId: id, action: `step${i}`, payload: { i }, at });
    }
    expect((await verifyChains(handle.db)).problems).toEqual([]);
    // A tamperer with superuser rights bypasses the append-only trigger.
    await handle.db.execute(sql`set session_replication_role = replica`);
    await handle.db.execute(sql`update events set reason = 'rewritten' where subject_id = 's1' and seq = 2`);
    const [s2] = await handle.db.select().from(events).where(and(eq(events.subjectId, 's2'), eq(events.seq, 2)));
    const forged = { ...s2!, toState: 'closed' };
    await handle.db.execute(sql`update events set to_state = 'closed', hash = ${eventHash(forged)} where id = ${s2!.id}`);
    await handle.db.execute(sql`delete from events where subject_id = 's3' and seq = 2`);
    await handle.db.execute(sql`set session_replication_role = origin`);
    const { problems, checked } = await verifyChains(handle.db, { pageSize: 2 });
    expect(checked).toBe(8);
    expect(problems.map((p) => `${p.subjectId}#${p.seq}:${p.problem}`).sort()).toEqual([
      's1#2:hash_mismatch', 's2#3:prev_hash_mismatch', 's3#3:seq_gap',
    ]);
    await handle.close();
    const cli = path.resolve(import.meta.dirname, '../../cli/audit-verify.ts');
    const result = await run(process.execPath, ['--import', 'tsx', cli], { env: { ...withoutDatabaseUrl(), DATA_DIR: dir } })
      .then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TAMPERING DETECTED: 3 problem(s) in 8 events');
    expect(result.stderr).toContain('report/s1 #2: hash_mismatch');
  }, 60_000);
});
