import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/factories';
import { signIn, type Agent } from '../../../test/agent';
import { calendarDays, events } from '../../db/schema';

let t: TestApp;
let w: World;
let admin: Agent;
let intake: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t.s.db);
  [admin, intake] = await Promise.all([signIn(t.app, w.users.cityAdmin.username), signIn(t.app, w.users.intakeA.username)]);
});
afterAll(() => t.close());

describe('working-day calendar', () => {
  it('holds the 2026 official holidays and 调休 days', async () => {
    const y = (await intake.get('/api/calendar?year=2026')).json();
    const byDate = Object.fromEntries(y.days.map((d: { date: string; kind: string }) => [d.date, d.kind]));
    expect(byDate['2026-10-01']).toBe('holiday');
    expect(byDate['2026-10-10']).toBe('workday');
    expect(byDate['2026-02-14']).toBe('workday');
    expect(y.workingDayCount).toBe(248);
  });

  it('previews a deadline across the National Day holiday', async () => {
    const res = await intake.post('/api/calendar/preview', { start: '2026-09-30T10:00:00+08:00', amount: 1, unit: 'working_days' });
    expect(res.json()).toEqual({ dueAt: '2026-10-08T16:00:00.000Z', dueLocal: '2026-10-09 00:00' });
  });

  it('lets an admin mark a day (recorded), and the next deadline follows it', async () => {
    // 2031 is far from other tests' dates: a local holiday on Wednesday 2031-06-04.
    const before = (await intake.post('/api/calendar/preview', { start: '2031-06-03T09:00:00+08:00', amount: 1, unit: 'working_days' })).json();
    expect(before.dueLocal).toBe('2031-06-05 00:00');
    const set = await admin.put('/api/calendar/days/2031-06-04', { kind: 'holiday', name: '临时调整', reason: '上级通知' });
    expect(set.statusCode).toBe(200);
    const after = (await intake.post('/api/calendar/preview', { start: '2031-06-03T09:00:00+08:00', amount: 1, unit: 'working_days' })).json();
    expect(after.dueLocal).toBe('2031-06-06 00:00');
    const [ev] = await t.s.db.select().from(events).where(and(eq(events.subjectType, 'calendar_day'), eq(events.subjectId, '2031-06-04')));
    expect(ev).toMatchObject({ action: 'calendar.day_set', toState: 'holiday', reason: '上级通知', actorId: w.users.cityAdmin.id });
    expect((await admin.del('/api/calendar/days/2031-06-04')).statusCode).toBe(200);
    expect(await t.s.db.select().from(calendarDays).where(eq(calendarDays.date, '2031-06-04'))).toHaveLength(0);
  });

  it('refuses a 调休 workday on a weekday, impossible dates, and non-admins', async () => {
    expect((await admin.put('/api/calendar/days/2031-06-04', { kind: 'workday', name: 'x' })).json().code).toBe('calendar.invalid_day');
    expect((await admin.put('/api/calendar/days/2031-02-30', { kind: 'holiday', name: 'x' })).statusCode).toBe(400);
    expect((await admin.get('/api/calendar?year=1800')).statusCode).toBe(400);
    expect((await intake.put('/api/calendar/days/2031-06-07', { kind: 'workday', name: 'x' })).statusCode).toBe(403);
    expect((await admin.del('/api/calendar/days/2031-06-08')).statusCode).toBe(404);
  });
});
