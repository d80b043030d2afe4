import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/factories';
import { signIn } from '../../../test/agent';
import { events } from '../../db/schema';
import { eventHash, eventHashV1 } from './event-hash';
import { appendEvent } from './events.service';
import { verifyChains } from './log-verify';

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
    expect(b).toMatchObject({ seq: 2, prevHash: a.hash, hashVersion: 2 });
    // keyed: the plain hash anyone can compute is not the row's hash
    expect(eventHash(b, t.s.auditLog.keys)).toBe(b.hash);
    expect(eventHashV1(b)).not.toBe(b.hash);
  });

  it('keeps chains intact under concurrent writers', async () => {
    const subjectId = crypto.randomUUID();
    const at = new Date('2026-11-23T01:00:00Z');
    await Promise.all(Array.from({ length: 10 }, (_, i) =>
      t.s.db.transaction((tx) => appendEvent(tx, { subjectType: 'test', subjectId, action: `c${i}`, at }))));
    const rows = await t.s.db.select().from(events).where(and(eq(events.subjectType, 'test'), eq(events.subjectId, subjectId)));
    expect(rows.map((r) => r.seq).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('checkpoints the log while writers append concurrently; every checkpoint verifies', async () => {
    const subject = crypto.randomUUID();
    const write = (i: number) => t.s.db.transaction((tx) =>
      appendEvent(tx, { subjectType: 'test', subjectId: `${subject}-${i % 4}`, action: `w${i}`, at: new Date() }));
    await Promise.all([...Array.from({ length: 12 }, (_, i) => write(i)), t.s.auditLog.checkpoint(),
      ...Array.from({ length: 12 }, (_, i) => write(12 + i)), t.s.auditLog.checkpoint()]);
    const last = await t.s.auditLog.checkpoint();
    const ours = await t.s.db.select({ id: events.id }).from(events).where(like(events.subjectId, `${subject}-%`));
    expect(ours).toHaveLength(24);
    const r = await verifyChains(t.s.db);
    expect(r.problems).toEqual([]);
    expect(r.checkpointProblems).toEqual([]);
    // other test files may write in between, but our events are all covered
    expect(r.latest!.highWater).toBeGreaterThanOrEqual(last?.highWater ?? 0n);
    expect(ours.every((e) => e.id <= r.latest!.highWater)).toBe(true);
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
