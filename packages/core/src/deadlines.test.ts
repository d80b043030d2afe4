import { describe, it, expect } from 'vitest';
import { OFFICE_TIME_ZONE } from '@tianlang/contracts';
import {
  DeadlineError,
  buildCalendar,
  computeDueAt,
  DEFAULT_WORK_CALENDAR,
  evaluateDeadline,
  isWorkingDay,
  officeDate,
  startOfOfficeDay,
  workingDaysBetween,
  type DeadlineHistoryEntry,
  type DeadlineRule,
} from './deadlines';

// ── Fixture: official 2026 holiday notice (国办发明电) and 2027 statutory days ────────────
function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) days.push(d);
  return days;
}
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
const HOLIDAYS = [
  ...range('2026-01-01', '2026-01-03'), // 元旦
  ...range('2026-02-15', '2026-02-23'), // 春节
  ...range('2026-04-04', '2026-04-06'), // 清明
  ...range('2026-05-01', '2026-05-05'), // 劳动节
  ...range('2026-06-19', '2026-06-21'), // 端午
  ...range('2026-09-25', '2026-09-27'), // 中秋
  ...range('2026-10-01', '2026-10-07'), // 国庆
  '2027-01-01',
  ...range('2027-02-05', '2027-02-08'),
  '2027-04-05',
  '2027-05-01',
  '2027-05-02',
  '2027-06-09',
  '2027-09-15',
  ...range('2027-10-01', '2027-10-03'),
];
/** 调休: weekend days worked instead (no 2027 notice published yet). */
const WORKDAYS = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
];
const CAL = buildCalendar([
  ...HOLIDAYS.map((date) => ({ date, kind: 'holiday' as const })),
  ...WORKDAYS.map((date) => ({ date, kind: 'workday' as const })),
]);

/** An office-local wall time, e.g. local('2026-09-30T10:00'). */
const local = (wall: string): Date => new Date(`${wall}+08:00`);
const WD = (amount: number, atRiskShare?: number): DeadlineRule => ({
  amount,
  unit: 'working_days',
  atRiskShare,
});
const CD = (amount: number): DeadlineRule => ({ amount, unit: 'calendar_days' });
const HOURS = (amount: number, atRiskShare?: number): DeadlineRule => ({
  amount,
  unit: 'hours',
  atRiskShare,
});
type EntryType = DeadlineHistoryEntry['type'];
const at = (type: EntryType, wall: string, amount?: number): DeadlineHistoryEntry => ({
  type,
  at: local(wall),
  amount,
});
const dueOf = (start: string, rule: DeadlineRule): Date => computeDueAt(local(start), rule, CAL);
const evaluate = (
  start: string,
  rule: DeadlineRule,
  history: readonly DeadlineHistoryEntry[],
  now: string,
) => evaluateDeadline(local(start), rule, history, local(now), CAL);
const errorOf = (fn: () => unknown): DeadlineError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DeadlineError) return error;
    throw error;
  }
  throw new Error('expected a DeadlineError');
};

describe('office time (Asia/Shanghai, UTC+8)', () => {
  it.each([
    ['2026-02-13T15:59:59.999Z', '2026-02-13'],
    ['2026-02-13T16:00:00.000Z', '2026-02-14'],
    ['2026-02-13T17:30:00.000Z', '2026-02-14'],
    ['2026-12-31T16:30:00.000Z', '2027-01-01'],
  ])('officeDate(%s) = %s', (instant, date) => {
    expect(officeDate(new Date(instant))).toBe(date);
  });

  it('agrees with the tz database for OFFICE_TIME_ZONE over 2026–2027', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_TIME_ZONE });
    const step = 7 * 3_600_000 + 13 * 60_000;
    for (let t = Date.UTC(2025, 11, 31); t < Date.UTC(2028, 0, 1); t += step) {
      expect(officeDate(new Date(t))).toBe(fmt.format(new Date(t)));
    }
  });

  it('startOfOfficeDay is local midnight', () => {
    expect(startOfOfficeDay('2026-10-09').toISOString()).toBe('2026-10-08T16:00:00.000Z');
    expect(startOfOfficeDay('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-2-3', '20260203', '', '2026-02-03T00:00'])(
    'rejects the malformed date %j with calendar.invalid_day',
    (date) => {
      expect(errorOf(() => startOfOfficeDay(date)).code).toBe('calendar.invalid_day');
      expect(errorOf(() => isWorkingDay(date, CAL)).code).toBe('calendar.invalid_day');
    },
  );

  it('rejects an invalid Date with request.invalid', () => {
    expect(errorOf(() => officeDate(new Date(NaN))).code).toBe('request.invalid');
  });
});

describe('work calendar', () => {
  it('fixture: every 调休 workday is a weekend day', () => {
    for (const date of WORKDAYS) expect([0, 6]).toContain(new Date(`${date}T00:00Z`).getUTCDay());
  });

  it.each([
    ['2025-12-31', true, 'Wed before 元旦'],
    ['2026-01-01', false, 'Thu, 元旦'],
    ['2026-01-02', false, 'Fri, 元旦'],
    ['2026-01-04', true, 'Sun, 调休'],
    ['2026-01-10', false, 'plain Saturday'],
    ['2026-02-13', true, 'Fri before 春节'],
    ['2026-02-14', true, 'Sat, 调休'],
    ['2026-02-16', false, 'Mon, 春节'],
    ['2026-02-23', false, 'Mon, last day of 春节'],
    ['2026-02-24', true, 'Tue after 春节'],
    ['2026-02-28', true, 'Sat, 调休'],
    ['2026-04-06', false, 'Mon, 清明'],
    ['2026-05-05', false, 'Tue, 劳动节'],
    ['2026-05-09', true, 'Sat, 调休'],
    ['2026-06-19', false, 'Fri, 端午'],
    ['2026-09-20', true, 'Sun, 调休'],
    ['2026-09-25', false, 'Fri, 中秋'],
    ['2026-10-07', false, 'Wed, 国庆'],
    ['2026-10-08', true, 'Thu after 国庆'],
    ['2026-10-10', true, 'Sat, 调休'],
    ['2026-10-11', false, 'Sun'],
    ['2027-01-01', false, 'Fri, 元旦 2027'],
    ['2027-02-08', false, 'Mon, 春节 2027'],
    ['2027-02-09', true, 'Tue after 春节 2027'],
    ['2027-05-03', true, 'Mon, no 调休 known yet'],
  ])('%s working = %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, CAL)).toBe(expected);
  });

  it('defaults to Monday–Friday without a calendar', () => {
    expect(isWorkingDay('2026-01-01', DEFAULT_WORK_CALENDAR)).toBe(true);
    expect(isWorkingDay('2026-01-04', DEFAULT_WORK_CALENDAR)).toBe(false);
  });

  it('rejects a date listed both as holiday and as workday, and malformed dates', () => {
    const both = [
      { date: '2026-10-10', kind: 'holiday' as const },
      { date: '2026-10-10', kind: 'workday' as const },
    ];
    expect(errorOf(() => buildCalendar(both)).code).toBe('calendar.invalid_day');
    expect(errorOf(() => buildCalendar([{ date: '2026-10-32', kind: 'holiday' }])).code).toBe(
      'calendar.invalid_day',
    );
  });

  it('counts 248 working days in 2026', () => {
    expect(workingDaysBetween(local('2025-12-31T12:00'), local('2027-01-01T00:00'), CAL)).toBe(248);
  });

  it('counts only whole working days after the start day', () => {
    const start = local('2026-09-30T10:00');
    expect(workingDaysBetween(start, local('2026-10-08T23:59:59.999'), CAL)).toBe(0);
    expect(workingDaysBetween(start, local('2026-10-09T00:00'), CAL)).toBe(1);
    expect(workingDaysBetween(local('2026-09-30T00:00'), local('2026-10-01T00:00'), CAL)).toBe(0);
    expect(workingDaysBetween(local('2026-10-12T00:00'), start, CAL)).toBe(0);
  });
});

describe('computeDueAt: working days', () => {
  it.each([
    ['2026-09-30T10:00', 0, '2026-10-01T00:00', 'amount 0 = end of the start day'],
    ['2026-09-30T10:00', 1, '2026-10-09T00:00', '国庆: Oct 8 is the first working day'],
    ['2026-09-30T10:00', 3, '2026-10-11T00:00', 'Oct 10 (Sat) 调休 counts'],
    ['2026-09-30T10:00', 4, '2026-10-13T00:00', 'Oct 11 (Sun) does not'],
    ['2026-09-24T15:00', 10, '2026-10-16T00:00', 'across 中秋 and 国庆'],
    ['2026-09-18T10:00', 1, '2026-09-21T00:00', 'Sep 20 (Sun) 调休 counts'],
    ['2026-04-03T09:00', 1, '2026-04-08T00:00', '清明 Sat–Mon'],
    ['2026-02-17T10:00', 1, '2026-02-25T00:00', 'start inside 春节'],
    ['2026-02-13T10:00', 1, '2026-02-15T00:00', 'Feb 14 (Sat) 调休 counts'],
    ['2026-04-30T18:00', 2, '2026-05-08T00:00', '劳动节 May 1–5'],
    ['2026-05-08T09:00', 1, '2026-05-10T00:00', 'May 9 (Sat) 调休 counts'],
    ['2026-06-18T09:00', 1, '2026-06-23T00:00', '端午 Fri–Sun'],
    ['2026-12-30T23:59', 1, '2027-01-01T00:00', 'Dec 31 is the first working day'],
    ['2026-12-31T20:00', 5, '2027-01-09T00:00', 'year end: Jan 4–8 2027'],
    ['2027-02-04T10:00', 1, '2027-02-10T00:00', '春节 2027 Fri–Mon'],
  ])('%s + %i working days → %s (%s)', (start, amount, due) => {
    expect(dueOf(start, WD(amount))).toEqual(local(due));
  });

  it('counts from the Shanghai day, not the UTC day', () => {
    // 2026-02-13T17:30Z is Friday in UTC but Saturday Feb 14 01:30 in Shanghai, a 调休 workday.
    const start = new Date('2026-02-13T17:30:00Z');
    expect(computeDueAt(start, WD(1), CAL)).toEqual(local('2026-02-25T00:00'));
    expect(computeDueAt(start, WD(5), CAL).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    // 2026-12-31T16:30Z is already 元旦 2027 in Shanghai; 16:00Z is Dec 31 00:00 local.
    const dueUtc = (utc: string) => computeDueAt(new Date(utc), WD(1), CAL);
    expect(dueUtc('2026-12-31T16:30Z')).toEqual(local('2027-01-05T00:00'));
    expect(dueUtc('2026-12-30T16:00Z')).toEqual(local('2027-01-05T00:00'));
    expect(dueUtc('2026-12-30T15:59Z')).toEqual(local('2027-01-01T00:00'));
  });

  it('property: for every 2026 start, due ends a working day exactly N working days away', () => {
    for (let day = '2026-01-01'; day <= '2026-12-31'; day = nextDay(day)) {
      for (const time of ['00:00', '09:30', '23:59']) {
        const start = local(`${day}T${time}`);
        for (let n = 0; n <= 12; n += 1) {
          const due = computeDueAt(start, WD(n), CAL);
          const justBefore = new Date(due.getTime() - 1);
          const lastDay = officeDate(justBefore);
          const ok =
            due.getTime() === startOfOfficeDay(officeDate(due)).getTime() &&
            (n === 0 ? lastDay === day : isWorkingDay(lastDay, CAL)) &&
            workingDaysBetween(start, due, CAL) === n &&
            workingDaysBetween(start, justBefore, CAL) === Math.max(0, n - 1);
          if (!ok) expect.fail(`start ${day}T${time}, ${n} working days → ${due.toISOString()}`);
        }
      }
    }
  });

  it('property: the whole last working day is always at risk, and never before the share', () => {
    for (let day = '2026-01-01'; day <= '2026-12-31'; day = nextDay(day)) {
      const start = local(`${day}T16:00`);
      for (let n = 1; n <= 5; n += 1) {
        const { dueAt, atRiskAt } = evaluateDeadline(start, WD(n), [], start, CAL);
        const lastDayStart = startOfOfficeDay(officeDate(new Date(dueAt.getTime() - 1)));
        const byShare = dueAt.getTime() - 0.2 * (dueAt.getTime() - start.getTime());
        const ok =
          atRiskAt.getTime() === Math.min(Math.round(byShare), lastDayStart.getTime()) &&
          atRiskAt > start;
        if (!ok) expect.fail(`start ${day}, ${n} working days → ${atRiskAt.toISOString()}`);
      }
    }
  });
});

describe('computeDueAt: calendar days and hours', () => {
  it.each([
    ['2026-03-04T10:00', 2, '2026-03-07T00:00', 'lands on a Friday'],
    ['2026-03-02T10:00', 5, '2026-03-10T00:00', 'Saturday rolls to Monday'],
    ['2026-02-09T10:00', 5, '2026-02-15T00:00', 'Feb 14 (Sat) 调休 does not roll'],
    ['2026-09-28T10:00', 3, '2026-10-09T00:00', '国庆 rolls to Oct 8'],
    ['2026-12-29T10:00', 3, '2027-01-05T00:00', '元旦 2027 + weekend roll to Jan 4'],
    ['2026-03-07T10:00', 0, '2026-03-10T00:00', 'amount 0 on a Saturday rolls too'],
  ])('%s + %i calendar days → %s (%s)', (start, amount, due) => {
    expect(dueOf(start, CD(amount))).toEqual(local(due));
  });

  it('property: for every start in 2026, the last day is the first working day ≥ start + N', () => {
    for (let day = '2026-01-01'; day <= '2026-12-31'; day = nextDay(day)) {
      for (let n = 0; n <= 10; n += 1) {
        const due = computeDueAt(local(`${day}T14:00`), CD(n), CAL);
        const lastDay = officeDate(new Date(due.getTime() - 1));
        let nominal = day;
        for (let i = 0; i < n; i += 1) nominal = nextDay(nominal);
        let ok = lastDay >= nominal && isWorkingDay(lastDay, CAL);
        for (let d = nominal; d < lastDay; d = nextDay(d)) ok &&= !isWorkingDay(d, CAL);
        if (!ok) expect.fail(`start ${day}, ${n} calendar days → ${due.toISOString()}`);
      }
    }
  });

  it('hours ignore the calendar, across midnight and holidays', () => {
    expect(dueOf('2026-03-03T22:30', HOURS(4))).toEqual(local('2026-03-04T02:30'));
    expect(dueOf('2026-09-30T10:00', HOURS(48))).toEqual(local('2026-10-02T10:00'));
    expect(dueOf('2026-12-31T23:00', HOURS(0.5))).toEqual(local('2026-12-31T23:30'));
    expect(dueOf('2026-12-31T23:00', HOURS(0))).toEqual(local('2026-12-31T23:00'));
  });

  it.each([
    [{ amount: -1, unit: 'working_days' }],
    [{ amount: 1.5, unit: 'working_days' }],
    [{ amount: 2.5, unit: 'calendar_days' }],
    [{ amount: Number.NaN, unit: 'hours' }],
    [{ amount: 1, unit: 'hours', atRiskShare: 1.5 }],
    [{ amount: 1, unit: 'weeks' }],
  ])('rejects the rule %j with request.invalid', (rule) => {
    const error = errorOf(() => dueOf('2026-03-02T10:00', rule as DeadlineRule));
    expect(error.code).toBe('request.invalid');
  });
});


describe('evaluateDeadline: status and at-risk', () => {
  it.each([
    ['2026-03-02T17:59:59.999', 'on_time'],
    ['2026-03-02T18:00', 'at_risk'],
    ['2026-03-02T19:59:59.999', 'at_risk'],
    ['2026-03-02T20:00', 'overdue'],
    ['2026-03-09T00:00', 'overdue'],
  ])('10 hours from 10:00, now %s → %s', (now, status) => {
    expect(evaluate('2026-03-02T10:00', HOURS(10), [], now)).toEqual({
      state: 'running',
      dueAt: local('2026-03-02T20:00'),
      atRiskAt: local('2026-03-02T18:00'),
      status,
    });
  });

  it('honours a custom share, 0 (never at risk before due) and 1 (at risk from the start)', () => {
    const statusAt = (rule: DeadlineRule, now: string) =>
      evaluate('2026-03-02T10:00', rule, [], now).status;
    expect(statusAt(HOURS(10, 0.5), '2026-03-02T15:00')).toBe('at_risk');
    expect(statusAt(HOURS(10, 0.5), '2026-03-02T14:59')).toBe('on_time');
    expect(statusAt(HOURS(10, 0), '2026-03-02T19:59')).toBe('on_time');
    expect(statusAt(HOURS(10, 1), '2026-03-02T10:00')).toBe('at_risk');
  });

  it('working days: the whole last working day is at risk when the share is shorter', () => {
    // Wed 10:00 + 1 → due Fri 00:00; 20 % of 38 h would only start Thu 16:24.
    const snap = evaluate('2026-03-04T10:00', WD(1), [], '2026-03-04T23:59');
    expect(snap).toMatchObject({ dueAt: local('2026-03-06T00:00'), status: 'on_time' });
    expect(snap.atRiskAt).toEqual(local('2026-03-05T00:00'));
    expect(evaluate('2026-03-04T10:00', WD(1), [], '2026-03-05T00:00').status).toBe('at_risk');
  });

  it('working days: the share applies when it is earlier than the last day', () => {
    // Sep 30 10:00 → Oct 9 00:00 is 206 h; 20 % = 41.2 h before due.
    const snap = evaluate('2026-09-30T10:00', WD(1), [], '2026-10-01T00:00');
    expect(snap.atRiskAt).toEqual(local('2026-10-07T06:48'));
  });

  it('working days, amount 0: the share alone (the start day is the last day)', () => {
    const snap = evaluate('2026-03-04T10:00', WD(0), [], '2026-03-04T10:00');
    expect(snap.atRiskAt).toEqual(local('2026-03-04T21:12'));
  });

  it('calendar days: the share alone', () => {
    // Mar 2 10:00 → Mar 10 00:00 (Sat rolled to Mon) is 182 h; 20 % = 36.4 h.
    const snap = evaluate('2026-03-02T10:00', CD(5), [], '2026-03-02T10:00');
    expect(snap.atRiskAt).toEqual(local('2026-03-08T11:36'));
  });

  it('met at 23:59:59 local on the last day is on time; met at dueAt is overdue', () => {
    const metAt = (wall: string) =>
      evaluate('2026-09-30T10:00', WD(1), [at('met', wall)], '2026-12-01T00:00');
    expect(metAt('2026-10-08T23:59:59')).toMatchObject({ state: 'met', status: 'on_time' });
    expect(metAt('2026-10-09T00:00')).toMatchObject({ state: 'met', status: 'overdue' });
  });

  it('status only moves forward as time passes', () => {
    const order = ['on_time', 'at_risk', 'overdue'];
    const start = local('2026-09-30T10:00');
    let rank = 0;
    for (let t = start.getTime(); t < local('2026-10-12T00:00').getTime(); t += 3_600_000) {
      const next = order.indexOf(evaluateDeadline(start, WD(2), [], new Date(t), CAL).status);
      expect(next).toBeGreaterThanOrEqual(rank);
      rank = next;
    }
    expect(rank).toBe(2);
  });
});

describe('evaluateDeadline: pause and resume', () => {
  it('hours: a pause adds its exact duration; while paused, status is as of the pause', () => {
    const pause = at('pause', '2026-03-02T12:00');
    expect(evaluate('2026-03-02T09:00', HOURS(24), [pause], '2026-03-20T00:00')).toMatchObject({
      state: 'paused',
      dueAt: local('2026-03-03T09:00'),
      status: 'on_time',
    });
    const history = [pause, at('resume', '2026-03-02T15:30')];
    expect(evaluate('2026-03-02T09:00', HOURS(24), history, '2026-03-03T10:00')).toMatchObject({
      state: 'running',
      dueAt: local('2026-03-03T12:30'),
      status: 'at_risk',
    });
  });

  // Start Mon Mar 2 10:00, 5 working days → Mar 3, 4, 5, 6, 9 → due Mar 10 00:00. A working day
  // is given back when it ends while paused: the pause day through the day before the resume day.
  it.each([
    ['within one day: nothing', '03T15:00', '03T16:00', '10T00:00'],
    ['Tue 15:00 → Thu 10:00: Tue and Wed', '03T15:00', '05T10:00', '12T00:00'],
    ['Fri 18:00 → Mon 08:00: Fri', '06T18:00', '09T08:00', '11T00:00'],
    ['Sat → Sun: nothing', '07T10:00', '08T22:00', '10T00:00'],
    ['Fri 00:00 → Sat 00:00: Fri', '06T00:00', '07T00:00', '11T00:00'],
    ['Tue 23:00 → Wed 01:00: Tue', '03T23:00', '04T01:00', '11T00:00'],
    ['from the start day for a week: not the start day', '02T11:00', '09T11:00', '14T00:00'],
  ])('working days, pause %s', (_label, pausedAt, resumedAt, due) => {
    const history = [at('pause', `2026-03-${pausedAt}`), at('resume', `2026-03-${resumedAt}`)];
    const snap = evaluate('2026-03-02T10:00', WD(5), history, '2026-03-09T12:00');
    expect(snap.dueAt).toEqual(local(`2026-03-${due}`));
  });

  it('working days: remaining = days not yet used up, counted again from the resume day', () => {
    // Ran through the ends of Mar 3, 4, 5 (3 used); paused Fri 15:00 → Wed 09:00; 2 left.
    const history = [at('pause', '2026-03-06T15:00'), at('resume', '2026-03-11T09:00')];
    const snap = evaluate('2026-03-02T10:00', WD(5), history, '2026-03-11T09:00');
    expect(snap.dueAt).toEqual(local('2026-03-13T00:00'));
    expect(workingDaysBetween(local('2026-03-10T12:00'), snap.dueAt, CAL)).toBe(2);
  });

  it('working days: paused on the last day, the deadline is not overdue on resume', () => {
    const history = [at('pause', '2026-03-09T08:00'), at('resume', '2026-03-11T09:00')];
    expect(evaluate('2026-03-02T10:00', WD(5), history, '2026-03-11T10:00')).toMatchObject({
      state: 'running',
      dueAt: local('2026-03-12T00:00'),
      status: 'at_risk',
    });
  });

  it('amount 0: the rest of the start day continues as the rest of the resume day', () => {
    const history = [at('pause', '2026-03-02T12:00'), at('resume', '2026-03-04T09:00')];
    expect(evaluate('2026-03-02T10:00', WD(0), history, '2026-03-04T09:00').dueAt).toEqual(
      local('2026-03-05T00:00'),
    );
  });

  it('working days: paused while overdue, it stays overdue on resume', () => {
    const history = [at('pause', '2026-03-10T08:00'), at('resume', '2026-03-16T09:00')];
    const snap = evaluate('2026-03-02T10:00', WD(5), history, '2026-03-16T09:00');
    expect(snap.dueAt.getTime()).toBeLessThanOrEqual(local('2026-03-16T09:00').getTime());
    expect(snap.status).toBe('overdue');
  });

  it('working days: a pause over 国庆 gives back only the working days that ended in it', () => {
    // Sep 28 + 5 → Sep 29, 30, Oct 8, 9, 10 (Sat 调休); Sep 29, 30 and Oct 8 end while paused.
    const history = [at('pause', '2026-09-29T09:00'), at('resume', '2026-10-09T09:00')];
    expect(dueOf('2026-09-28T10:00', WD(5))).toEqual(local('2026-10-11T00:00'));
    const snap = evaluate('2026-09-28T10:00', WD(5), history, '2026-10-09T10:00');
    expect(snap.dueAt).toEqual(local('2026-10-15T00:00'));
  });

  it('working days: two pauses add up; status while paused uses the pause moment', () => {
    const history = [
      at('pause', '2026-03-03T15:00'),
      at('resume', '2026-03-05T10:00'), // Tue, Wed given back → due Mar 12 00:00
      at('pause', '2026-03-10T08:00'),
    ];
    expect(evaluate('2026-03-02T10:00', WD(5), history, '2026-04-01T00:00')).toMatchObject({
      state: 'paused',
      dueAt: local('2026-03-12T00:00'),
      status: 'at_risk',
    });
    const resumed = [...history, at('resume', '2026-03-12T09:00')]; // Mar 10, 11 given back
    expect(evaluate('2026-03-02T10:00', WD(5), resumed, '2026-03-12T10:00')).toMatchObject({
      dueAt: local('2026-03-14T00:00'),
      status: 'at_risk',
    });
  });

  it('calendar days: days that ended while paused are given back, then 顺延 applies', () => {
    // Mar 2 + 10 = Mar 12; Mar 3, 4 and 5 end while paused → Mar 15 (Sun) → Mon Mar 16.
    const history = [at('pause', '2026-03-03T12:00'), at('resume', '2026-03-06T12:00')];
    const snap = evaluate('2026-03-02T10:00', CD(10), history, '2026-03-06T13:00');
    expect(snap.dueAt).toEqual(local('2026-03-17T00:00'));
  });

  it('property: a pause within one office day never moves a working-day deadline', () => {
    for (let day = '2026-01-01'; day <= '2026-12-31'; day = nextDay(day)) {
      const start = local(`${day}T09:00`);
      const plain = computeDueAt(start, WD(3), CAL);
      const history = [at('pause', `${day}T10:00`), at('resume', `${day}T23:59`)];
      const { dueAt } = evaluateDeadline(start, WD(3), history, plain, CAL);
      if (dueAt.getTime() !== plain.getTime()) expect.fail(`start ${day} → ${dueAt.toISOString()}`);
    }
  });

  it('property: a deadline open at the pause is never overdue at the resume', () => {
    const rules = [WD(0), WD(1), WD(3), CD(0), CD(2), HOURS(30)];
    for (let day = '2026-01-01'; day <= '2026-12-31'; day = nextDay(day)) {
      const start = local(`${day}T10:00`);
      for (const rule of rules) {
        const pausedAt = new Date(computeDueAt(start, rule, CAL).getTime() - 2 * 3_600_000);
        for (const days of [0, 1, 2, 5]) {
          const resumedAt = new Date(pausedAt.getTime() + days * 86_400_000 + 3_600_000);
          const history: DeadlineHistoryEntry[] = [
            { type: 'pause', at: pausedAt },
            { type: 'resume', at: resumedAt },
          ];
          const snap = evaluateDeadline(start, rule, history, resumedAt, CAL);
          if (snap.status === 'overdue') expect.fail(`${day} ${rule.unit} ${rule.amount} +${days}`);
        }
      }
    }
  });
});

describe('evaluateDeadline: extend, met, cancel', () => {
  it.each([
    ['working days, across 调休', WD(1), '2026-09-30', 2, '2026-10-11T00:00'],
    ['calendar days, from the rolled due day', CD(5), '2026-03-02', 3, '2026-03-13T00:00'],
    ['hours', HOURS(24), '2026-03-02', 12, '2026-03-03T22:00'],
    ['hours, fractional', HOURS(24), '2026-03-02', 1.5, '2026-03-03T11:30'],
  ])('extend: %s', (_label, rule, day, amount, due) => {
    const history = [at('extend', `${day}T11:00`, amount)];
    expect(evaluate(`${day}T10:00`, rule, history, `${day}T12:00`).dueAt).toEqual(local(due));
  });

  it('extensions accumulate, each counted from the due moment before it', () => {
    const history = [at('extend', '2026-09-30T11:00', 1), at('extend', '2026-10-08T11:00', 1)];
    const snap = evaluate('2026-09-30T10:00', WD(1), history, '2026-10-08T12:00');
    expect(snap.dueAt).toEqual(local('2026-10-11T00:00'));
  });

  it('an extension approved after the due moment can bring the deadline back on time', () => {
    const history = [at('extend', '2026-03-06T09:00', 2)]; // due Mar 6 00:00 → Mar 10 00:00
    const snap = evaluate('2026-03-04T10:00', WD(1), history, '2026-03-06T10:00');
    expect(snap).toMatchObject({ dueAt: local('2026-03-10T00:00'), status: 'on_time' });
  });

  it('extend while paused, then resume: both apply', () => {
    const history = [
      at('pause', '2026-03-02T12:00'),
      at('extend', '2026-03-02T13:00', 6),
      at('resume', '2026-03-02T14:00'),
    ];
    const snap = evaluate('2026-03-02T10:00', HOURS(10), history, '2026-03-02T15:00');
    expect(snap.dueAt).toEqual(local('2026-03-03T04:00'));
  });

  it.each([
    // met while paused is judged at the pause moment, not when it was recorded
    ['met while paused', [['pause', '02T12:00'], ['met', '05T12:00']], 'met', 'on_time'],
    ['met in the at-risk window', [['met', '02T19:00']], 'met', 'on_time'],
    ['met late', [['met', '02T20:30']], 'met', 'overdue'],
    ['cancelled early', [['cancel', '02T11:00']], 'cancelled', 'on_time'],
    ['cancelled late', [['cancel', '03T10:00']], 'cancelled', 'overdue'],
  ] as const)('%s: status is frozen at that moment', (_label, entries, state, status) => {
    const history = entries.map(([type, wall]) => at(type, `2026-03-${wall}`));
    const snap = evaluate('2026-03-02T10:00', HOURS(10), history, '2026-03-09T00:00');
    expect(snap).toMatchObject({ state, status, dueAt: local('2026-03-02T20:00') });
  });

  it('entries after now are not in effect yet', () => {
    const history = [at('pause', '2026-03-03T12:00'), at('met', '2026-03-05T12:00')];
    expect(evaluate('2026-03-02T10:00', WD(5), history, '2026-03-03T11:00').state).toBe('running');
    expect(evaluate('2026-03-02T10:00', WD(5), history, '2026-03-04T11:00').state).toBe('paused');
  });
});

describe('evaluateDeadline: invalid histories', () => {
  it.each([
    ['resume without pause', [['resume', '03T10:00']], 'not_paused'],
    ['pause while paused', [['pause', '03T10:00'], ['pause', '03T11:00']], 'already_paused'],
    ['resume twice', [['pause', '03T10:00'], ['resume', '03T11:00'], ['resume', '03T12:00']],
      'not_paused'],
    ['pause after met', [['met', '03T10:00'], ['pause', '03T11:00']], 'ended'],
    ['met twice', [['met', '03T10:00'], ['met', '03T11:00']], 'ended'],
    ['resume after cancel', [['pause', '03T09:00'], ['cancel', '03T10:00'], ['resume', '03T11:00']],
      'ended'],
    ['extend after cancel', [['cancel', '03T10:00'], ['extend', '03T11:00', 1]], 'ended'],
    ['cancel after met', [['met', '03T10:00'], ['cancel', '03T11:00']], 'ended'],
    ['extend without amount', [['extend', '03T10:00']], 'invalid_amount'],
    ['extend by 0', [['extend', '03T10:00', 0]], 'invalid_amount'],
    ['extend by a negative amount', [['extend', '03T10:00', -1]], 'invalid_amount'],
    ['extend by half a day', [['extend', '03T10:00', 0.5]], 'invalid_amount'],
    ['out of order', [['pause', '04T10:00'], ['resume', '03T10:00']], 'out_of_order'],
    ['before the start', [['pause', '01T10:00']], 'out_of_order'],
    ['an unknown type', [['reopen', '03T10:00']], 'unknown_type'],
  ] as const)('rejects %s', (_label, entries, reason) => {
    const history = entries.map(([type, wall, amount]) =>
      at(type as EntryType, `2026-03-${wall}`, amount),
    );
    const error = errorOf(() => evaluate('2026-03-02T10:00', WD(5), history, '2026-03-09T00:00'));
    expect(error).toBeInstanceOf(DeadlineError);
    expect(error.code).toBe('deadline.invalid_transition');
    expect(error.details).toMatchObject({ reason, type: history.at(-1)?.type });
  });

  it('rejects an invalid now or entry time with request.invalid', () => {
    const start = local('2026-03-02T10:00');
    expect(errorOf(() => evaluateDeadline(start, WD(1), [], new Date(NaN), CAL)).code).toBe(
      'request.invalid',
    );
    const bad: DeadlineHistoryEntry[] = [{ type: 'pause', at: new Date('nope') }];
    const error = errorOf(() => evaluateDeadline(start, WD(1), bad, start, CAL));
    expect(error.code).toBe('request.invalid');
  });
});
