import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, type World } from '../../../test/factories';
import { signIn } from '../../../test/agent';
import { deadlines, events, jobs, notifications } from '../../db/schema';
import { createJobRunner } from '../../jobs/runner';

let t: TestApp;
let w: World;
// Tuesday 2026-09-29 10:00 in Shanghai: one working day later is the end of Thursday 2026-10-08.
const START = new Date('2026-09-29T02:00:00Z');
beforeAll(async () => {
  t = await buildTestApp({}, START);
  w = await buildWorld(t.s.db);
});
afterAll(() => t.close());

const runner = () => createJobRunner({
  db: t.s.db, clock: t.clock, logger: pino({ level: 'silent' }), pollMs: 50,
  handlers: { 'deadline.sweep': async () => { await t.s.deadlines.sweep(); } },
});

describe('deadline sweep', () => {
  it('moves a clock to at risk and then overdue, recording events and notifying once', async () => {
    t.clock.set(START);
    const subjectId = crypto.randomUUID();
    const assignee = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] });
    const d = await t.s.db.transaction((tx) => t.s.deadlines.start(tx, {
      subjectType: 'test_item', subjectId, kind: 'test.accept', unitId: w.officeA.id, assigneeId: assignee.id,
      amount: 2, unit: 'working_days', at: START,
    }));
    expect(d.dueAt.toISOString()).toBe('2026-10-08T16:00:00.000Z'); // Tue 29 → Wed 30, Thu 8 Oct (国庆)
    const r = runner();
    const sweepOnce = async () => {
      await r.enqueue('deadline.sweep');
      return r.drain();
    };
    expect(await sweepOnce()).toBe(1);
    expect((await t.s.db.select().from(deadlines).where(eq(deadlines.id, d.id)))[0]!.status).toBe('on_time');

    t.clock.set(new Date('2026-10-08T01:00:00Z')); // the last working day, morning
    await sweepOnce();
    expect((await t.s.db.select().from(deadlines).where(eq(deadlines.id, d.id)))[0]!.status).toBe('at_risk');

    t.clock.set(new Date('2026-10-08T16:00:00Z'));
    await sweepOnce();
    await sweepOnce();
    expect((await t.s.db.select().from(deadlines).where(eq(deadlines.id, d.id)))[0]!.status).toBe('overdue');
    const trail = await t.s.db.select().from(events).where(and(eq(events.subjectType, 'test_item'), eq(events.subjectId, subjectId)));
    expect(trail.map((e) => e.action)).toEqual(['deadline.started', 'deadline.at_risk', 'deadline.overdue']);
    const sent = await t.s.db.select().from(notifications).where(eq(notifications.subjectId, subjectId));
    expect(sent.map((n) => n.kind).sort()).toEqual(['deadline.at_risk', 'deadline.overdue']);
    expect(sent.every((n) => n.userId === assignee.id)).toBe(true);
  });

  it('notifies the whole unit when nobody is assigned, and pausing stops the clock', async () => {
    t.clock.set(START);
    const subjectId = crypto.randomUUID();
    const d = await t.s.db.transaction((tx) => t.s.deadlines.start(tx, {
      subjectType: 'test_item', subjectId, kind: 'test.reply', unitId: w.police.id, amount: 4, unit: 'hours', at: START,
    }));
    await t.s.db.transaction((tx) => t.s.deadlines.step(tx, d.id, 'pause', new Date(START.getTime() + 3_600_000)));
    t.clock.set(new Date(START.getTime() + 10 * 3_600_000));
    expect(await t.s.deadlines.sweep()).toEqual({ atRisk: 0, overdue: 0 });
    const resumed = await t.s.db.transaction((tx) => t.s.deadlines.step(tx, d.id, 'resume', t.clock.now()));
    expect(resumed.dueAt.getTime()).toBe(START.getTime() + 13 * 3_600_000);
    t.clock.set(new Date(START.getTime() + 13 * 3_600_000));
    await t.s.deadlines.sweep();
    const sent = await t.s.db.select().from(notifications).where(and(eq(notifications.subjectId, subjectId), eq(notifications.kind, 'deadline.overdue')));
    expect(sent.map((n) => n.userId)).toEqual([w.users.partner.id]);
    await expect(t.s.db.transaction((tx) => t.s.deadlines.step(tx, d.id, 'resume', t.clock.now()))).rejects.toMatchObject({ code: 'deadline.invalid_transition' });
  });
});

describe('job runner', () => {
  it('retries a failing job with backoff, then marks it failed', async () => {
    t.clock.set(START);
    let calls = 0;
    const r = createJobRunner({
      db: t.s.db, clock: t.clock, logger: pino({ level: 'silent' }), pollMs: 50,
      handlers: { flaky: async () => { calls++; throw new Error('boom'); } },
    });
    const job = (await r.enqueue('flaky', { n: 1 }))!;
    await t.s.db.update(jobs).set({ maxAttempts: 2 }).where(eq(jobs.id, job.id));
    await r.drain();
    let [row] = await t.s.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row!.runAt.getTime()).toBe(START.getTime() + 2000);
    t.clock.advance(2000);
    await r.drain();
    [row] = await t.s.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row!.lastError).toContain('boom');
    expect(calls).toBe(2);
  });

  it('keeps one queued job per dedupe key', async () => {
    const r = runner();
    const key = `k-${crypto.randomUUID()}`;
    expect(await r.enqueue('deadline.sweep', {}, { dedupeKey: key, runAt: new Date('2099-01-01') })).toBeDefined();
    expect(await r.enqueue('deadline.sweep', {}, { dedupeKey: key })).toBeUndefined();
  });
});

describe('notifications', () => {
  it('counts unread, marks read, and hides other users’ notifications', async () => {
    const u = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] });
    const other = await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['intake'] });
    await t.s.notifications.notify([u.id], { kind: 'test', title: '测试通知一' });
    await t.s.notifications.notify([u.id], { kind: 'test', title: '测试通知二' });
    await t.s.notifications.notify([other.id], { kind: 'test', title: '别人的' });
    const a = await signIn(t.app, u.username);
    expect((await a.get('/api/notifications/unread-count')).json()).toEqual({ unread: 2 });
    const list = (await a.get('/api/notifications')).json();
    expect(list.items.map((n: { title: string }) => n.title).sort()).toEqual(['测试通知一', '测试通知二']);
    expect((await a.post(`/api/notifications/${list.items[0].id}/read`)).statusCode).toBe(200);
    expect((await a.get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    const theirs = (await t.s.db.select().from(notifications).where(eq(notifications.userId, other.id)))[0]!;
    expect((await a.post(`/api/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    expect((await a.post('/api/notifications/read-all')).json()).toEqual({ ok: true, updated: 1 });
    expect((await a.get('/api/notifications?unread=true')).json().total).toBe(0);
  });
});
