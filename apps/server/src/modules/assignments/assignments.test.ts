import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildUnit, buildUser, buildWorld, type World } from '../../../test/factories';
import { allEvents, eventsOf, notificationsOf } from '../../../test/report-factories';
import { assignments } from '../../db/schema';
import type { AuthUser } from '../auth/auth.types';
import type { AssignmentStep } from './assignments.service';

// A kind of another module than reports: a rumor's verification request (核查请求) on a parent that is no report.
interface Rumor { id: string; ref: string }
let t: TestApp;
let w: World;
let kind: ReturnType<typeof registerRumors>;
const settled: AssignmentStep<Rumor>[] = [];
let sender: AuthUser;
let senderB: AuthUser;
let recipient: AuthUser;
let sibling: AuthUser;
let leaderA: string;
// Tuesday 2026-09-29 10:00 in Shanghai; two working days later is the end of Thursday 2026-10-08 (国庆 between).
const START = new Date('2026-09-29T02:00:00Z');
const load = async (unitId: string, roles: string[]) => (await t.s.auth.repo.loadAuthUser((await buildUser(t.s.db, { unitId, roles })).id))!;

beforeAll(async () => {
  t = await buildTestApp({}, START);
  w = await buildWorld(t.s.db);
  const dept2 = await buildUnit(t.s.db, { jurisdictionId: w.city.id, kind: 'department' });
  [sender, senderB, recipient, sibling] = await Promise.all([
    load(w.officeA.id, ['handler']), load(w.officeB.id, ['handler']), load(w.police.id, ['partner']), load(dept2.id, ['partner']),
  ]);
  leaderA = (await buildUser(t.s.db, { unitId: w.officeA.id, roles: ['leader'] })).id;
  kind = registerRumors(t);
});
afterAll(() => t.close());

const registerRumors = (app: TestApp) => app.s.assignments.register<Rumor>({
  kind: 'test.rumor_verify', subjectType: 'test_rumor', eventSubject: 'assignment', clock: { kind: 'test.verify_answer', unit: 'working_days' },
  invalidTransition: 'assignment.invalid_transition', noun: '核查请求', senderPermission: 'reports.dispose',
  links: { inbox: '/console/assignments', item: (a) => `/console/rumors/${a.subjectId}` },
  lockParent: async (_tx, id) => ({ id, ref: `谣言${id.slice(0, 4)}` }),
  refOf: (r) => r.ref,
  onSettled: async (_tx, s) => { settled.push(s); },
});

async function sent(due = 2) {
  const rumorId = crypto.randomUUID();
  t.clock.set(START);
  const a = await t.s.db.transaction((tx) => kind.send(tx, {
    parent: { id: rumorId, ref: '谣言' }, subjectId: rumorId, jurisdiction: w.districtA, fromUnitId: w.officeA.id, toUnitId: w.police.id,
    note: '请核查该信息是否属实并函复。', due, actor: { id: sender.id, role: 'handler', unitId: sender.unitId }, createdBy: sender.id, at: START,
  }));
  return a;
}
const rowOf = async (id: string) => (await t.s.db.select().from(assignments).where(eq(assignments.id, id)))[0]!;

describe('assignments: a kind registered by another module', () => {
  it('sends, signs and answers a subject that is no report, with its own events, clock and notices', async () => {
    const a = await sent();
    expect(a).toMatchObject({ kind: 'test.rumor_verify', subjectType: 'test_rumor', state: 'sent', jurisdictionPath: w.districtA.path });
    expect(await notificationsOf(t.s.db, recipient.id, 'assignment.sent')).toEqual(expect.arrayContaining([expect.objectContaining({ subjectId: a.id, link: '/console/assignments' })]));
    const inbox = await kind.list(recipient, 'inbox', { limit: 50, offset: 0 });
    const mine = inbox.items.find((x) => x.a.id === a.id)!;
    expect(mine).toMatchObject({ toUnitName: w.police.name, fromUnitName: w.officeA.name, deadlineStatus: 'on_time' });
    expect(mine.dueAt!.toISOString()).toBe('2026-10-08T16:00:00.000Z');

    expect((await kind.sign(recipient, a.id)).state).toBe('signed');
    expect(await kind.reply(recipient, a.id, '经核查，该信息不实。')).toMatchObject({ state: 'replied', replyText: '经核查，该信息不实。', repliedBy: recipient.id });
    expect(settled.map((s) => s.row.id)).toContain(a.id);
    const trail = await eventsOf(t.s.db, 'assignment', a.id);
    expect(trail.map((e) => e.action)).toEqual(['assignment.sent', 'deadline.started', 'assignment.signed', 'assignment.replied', 'deadline.met']);
    expect(trail.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    // the sending unit's handlers hear of the answer
    expect((await notificationsOf(t.s.db, sender.id, 'assignment.replied')).map((n) => n.subjectId)).toContain(a.id);
  });

  it('urges an open assignment; a refused step is a 409 with the kind’s code and writes nothing', async () => {
    const a = await sent();
    expect(await kind.urge(sender, a.id, '请加快办理。')).toMatchObject({ urgeCount: 1, state: 'sent' });
    expect(await kind.urge(sender, a.id, '请今日内函复。')).toMatchObject({ urgeCount: 2 });
    expect((await notificationsOf(t.s.db, recipient.id, 'assignment.urged')).filter((n) => n.subjectId === a.id)).toHaveLength(2);
    await kind.return(recipient, a.id, '不属于本单位职责。');

    const [before, row] = [await allEvents(t.s.db), await rowOf(a.id)];
    const refused = [
      () => kind.sign(recipient, a.id), () => kind.reply(recipient, a.id, '再次回函。'), () => kind.return(recipient, a.id, '再次退回'),
      () => kind.urge(sender, a.id, '请办理'), () => kind.recordReply(sender, a.id, { text: '电话回复已办结。', channel: 'phone' }),
    ];
    for (const step of refused) await expect(step()).rejects.toMatchObject({ code: 'assignment.invalid_transition' });
    expect(await allEvents(t.s.db)).toBe(before);
    expect(await rowOf(a.id)).toEqual(row);
  });

  it('shows an assignment only to its recipient unit and to the sending jurisdiction (404 elsewhere)', async () => {
    const a = await sent();
    const before = await allEvents(t.s.db);
    await expect(kind.get(sibling, a.id)).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(kind.sign(sibling, a.id)).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(kind.urge(senderB, a.id, '请办理')).rejects.toMatchObject({ code: 'resource.not_found' });
    // the recipient is no sender: its own users have no outbox of the sending office's work
    await expect(kind.urge(recipient, a.id, '请办理')).rejects.toMatchObject({ code: 'resource.not_found' });
    expect((await kind.list(senderB, 'outbox', { limit: 200, offset: 0 })).items.map((x) => x.a.id)).not.toContain(a.id);
    expect((await kind.list(sibling, 'inbox', { limit: 200, offset: 0 })).items.map((x) => x.a.id)).not.toContain(a.id);
    expect((await kind.get(sender, a.id, 'outbox')).a.id).toBe(a.id);
    expect(await allEvents(t.s.db)).toBe(before);
  });

  it('escalates an open assignment once when the sweep finds its clock overdue, and tells the sending unit’s leaders', async () => {
    const open = await sent(1);
    const answered = await sent(1);
    await kind.reply(recipient, answered.id, '已核查，情况属实。');
    t.clock.set(new Date('2026-10-08T16:00:00Z'));
    await t.s.deadlines.sweep();
    await t.s.deadlines.sweep();
    const trail = (await eventsOf(t.s.db, 'assignment', open.id)).map((e) => e.action);
    expect(trail.filter((x) => x === 'assignment.escalated')).toHaveLength(1);
    expect(trail.slice(-2)).toEqual(['assignment.escalated', 'deadline.overdue']);
    expect((await rowOf(open.id)).escalatedAt).toEqual(new Date('2026-10-08T16:00:00Z'));
    const told = (await notificationsOf(t.s.db, leaderA, 'assignment.escalated')).filter((n) => n.subjectId === open.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ link: `/console/rumors/${open.subjectId}`, title: expect.stringMatching(/^督办：核查请求 .+ 已超期$/) });
    expect(told[0]!.body).toContain(w.police.name);
    expect((await rowOf(answered.id)).escalatedAt).toBeNull();
    expect((await eventsOf(t.s.db, 'assignment', answered.id)).map((e) => e.action)).not.toContain('assignment.escalated');
    // once escalated, it can still be answered
    expect((await kind.reply(recipient, open.id, '逾期回函：已核查。')).state).toBe('replied');
  });
});
