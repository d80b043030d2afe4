import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { ERROR_STATUS } from '@tianlang/contracts';
import { deadlines, events, rectificationFollowUps, rectifications } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUser, buildWorld, type World } from '../../../test/factories';
import { signIn } from '../../../test/agent';
import { appendEvent } from '../audit/events.service';
import type { AuthUser } from '../auth/auth.types';
import { RECTIFICATION_SUBJECT, type RectificationChange } from './rectifications.service';

// A second owner besides the registry: a supervision round 督导 (no entity), noting changes on its own chain.
const ROUND = 'supervision_round';
const START = new Date('2026-06-01T02:00:00Z'); // Monday
let t: TestApp;
let w: World;
let officerA: AuthUser;
let officerB: AuthUser;
const noted: RectificationChange[] = [];

beforeAll(async () => {
  t = await buildTestApp({}, START);
  w = await buildWorld(t.s.db);
  const load = async (id: string) => (await t.s.auth.repo.loadAuthUser(id))!;
  officerA = await load(w.users.adminA.id);
  officerB = await load(w.users.adminB.id);
  t.s.rectifications.register({
    sourceTypes: [ROUND], subjectType: RECTIFICATION_SUBJECT, clockKind: 'rectification',
    onChange: async (tx, user, row, change) => {
      noted.push(change);
      await appendEvent(tx, { subjectType: ROUND, subjectId: row.sourceId, action: `supervision.rectification_${change.kind}`, actorId: user.id, payload: { rectificationId: row.id }, at: change.at });
    },
  });
});
afterAll(() => t.close());

async function openRound(items = [{ description: '完善网络舆情应急预案', days: 5, unit: 'working_days' as const }, { description: '补齐值班记录', days: 3, unit: 'calendar_days' as const }]) {
  const roundId = crypto.randomUUID();
  const opened = await t.s.db.transaction((tx) => t.s.rectifications.open(tx, officerA, {
    sourceType: ROUND, sourceId: roundId, jurisdiction: w.districtA, items, at: t.clock.now(),
  }));
  return { roundId, opened };
}
const chain = async (subjectType: string, id: string) =>
  (await t.s.db.select().from(events).where(and(eq(events.subjectType, subjectType), eq(events.subjectId, id))).orderBy(events.seq));
const written = async (id: string) => ({
  followUps: (await t.s.db.select({ n: count() }).from(rectificationFollowUps).where(eq(rectificationFollowUps.rectificationId, id)))[0]!.n,
  events: (await chain(RECTIFICATION_SUBJECT, id)).length,
  row: (await t.s.db.select().from(rectifications).where(eq(rectifications.id, id)))[0],
});
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe('rectifications service, used by a non-registry subject', () => {
  it('opens items in the caller\'s transaction, each with its event and clock, listed in order for their source', async () => {
    const { roundId, opened } = await openRound();
    expect(opened).toHaveLength(2);
    const items = await t.s.rectifications.listFor(t.s.db, ROUND, [roundId]);
    expect(items.map((i) => [i.requirement, i.state, i.entityId, i.jurisdictionPath])).toEqual([
      ['完善网络舆情应急预案', 'open', null, w.districtA.path], ['补齐值班记录', 'open', null, w.districtA.path],
    ]);
    expect(items[1]!.dueAt!.toISOString()).toBe(opened[1]!.dueAt);
    expect((await chain(RECTIFICATION_SUBJECT, items[0]!.id)).map((e) => e.action)).toEqual(['rectification.opened', 'deadline.started']);
    const [clock] = await t.s.db.select().from(deadlines).where(and(eq(deadlines.subjectType, RECTIFICATION_SUBJECT), eq(deadlines.subjectId, items[0]!.id)));
    expect(clock).toMatchObject({ kind: 'rectification', amount: 5, unit: 'working_days', state: 'running', status: 'on_time' });
    // a source type nobody registered is refused, and the caller's transaction writes nothing
    const before = (await t.s.db.select({ n: count() }).from(rectifications))[0]!.n;
    await expect(t.s.db.transaction((tx) => t.s.rectifications.open(tx, officerA, { sourceType: 'nobody', sourceId: roundId, jurisdiction: w.districtA, items: [{ description: '整改', days: 1, unit: 'working_days' }], at: START })))
      .rejects.toThrow(/not registered/);
    expect((await t.s.db.select({ n: count() }).from(rectifications))[0]!.n).toBe(before);
  });

  it('keeps the overdue status current from the sweep, then notes progress and closes the item late; the owner\'s hook notes each', async () => {
    t.clock.set(START);
    const { roundId, opened } = await openRound([{ description: '整改宣传栏', days: 2, unit: 'calendar_days' }]);
    const id = opened[0]!.id;
    t.clock.advance(3 * 24 * 3600 * 1000); // past at-risk and due: one sweep moves it straight to overdue
    await t.s.deadlines.sweep();
    expect((await written(id)).row).toMatchObject({ state: 'open', deadlineStatus: 'overdue' });
    expect((await t.s.rectifications.listFor(t.s.db, ROUND, [roundId]))[0]!.deadlineStatus).toBe('overdue');

    noted.length = 0;
    const progressed = await t.s.rectifications.followUp(officerA, id, '已制定方案，正在实施');
    expect(progressed).toMatchObject({ state: 'open', deadlineStatus: 'overdue', closedAt: null });
    const closed = await t.s.rectifications.close(officerA, id, 'not_rectified', '复查仍未整改');
    expect(closed).toMatchObject({ state: 'not_rectified', deadlineStatus: null, closedBy: officerA.id });
    expect(noted.map((c) => [c.kind, c.late])).toEqual([['progress', true], ['not_rectified', true]]);
    expect((await chain(RECTIFICATION_SUBJECT, id)).map((e) => e.action)).toEqual(
      ['rectification.opened', 'deadline.started', 'deadline.overdue', 'rectification.followed_up', 'deadline.cancel', 'rectification.closed']);
    expect((await chain(ROUND, roundId)).map((e) => e.action)).toEqual(['supervision.rectification_progress', 'supervision.rectification_not_rectified']);
    const [item] = await t.s.rectifications.listFor(t.s.db, ROUND, [roundId]);
    expect(item!.followUps.map((f) => [f.kind, f.note, f.actorId])).toEqual([['progress', '已制定方案，正在实施', officerA.id], ['not_rectified', '复查仍未整改', officerA.id]]);
    t.clock.set(START);
  });

  it('refuses a follow-up of a closed item with 409 rectification.invalid_transition, writing nothing', async () => {
    const { opened } = await openRound();
    const id = opened[0]!.id;
    await t.s.rectifications.close(officerA, id, 'rectified', '已整改');
    const before = await written(id);
    // one at a time: each attempt starts only when the one before has been refused
    const attempts = [() => t.s.rectifications.close(officerA, id, 'rectified', '再次'), () => t.s.rectifications.close(officerA, id, 'not_rectified', '改判'), () => t.s.rectifications.followUp(officerA, id, '补充')];
    for (const attempt of attempts) {
      expect(await codeOf(attempt())).toBe('rectification.invalid_transition');
    }
    expect(ERROR_STATUS['rectification.invalid_transition']).toBe(409);
    expect(await written(id)).toEqual(before);
  });

  it('hides an item from another district (404), and the registry\'s route does not act on another owner\'s items', async () => {
    const { opened } = await openRound();
    const id = opened[0]!.id;
    const before = await written(id);
    expect(await codeOf(t.s.rectifications.followUp(officerB, id, '跨区跟进'))).toBe('resource.not_found');
    expect(await codeOf(t.s.rectifications.close(officerB, id, 'rectified', '跨区跟进'))).toBe('resource.not_found');
    expect(await codeOf(t.s.rectifications.close(officerA, crypto.randomUUID(), 'rectified', '未知'))).toBe('resource.not_found');
    const analyst = await signIn(t.app, (await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['analyst'] })).username);
    const viaRegistry = await analyst.post(`/api/registry/rectifications/${id}/follow-up`, { result: 'rectified', note: '经台账跟进' });
    expect([viaRegistry.statusCode, viaRegistry.json().code]).toEqual([404, 'resource.not_found']);
    expect(await written(id)).toEqual(before);
  });
});
