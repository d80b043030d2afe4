import type { CalendarDayKind } from '@tianlang/contracts';
import { DeadlineError } from './deadline-error';
import { addOfficeDays, assertOfficeDate, officeDate, officeWeekday } from './office-time';

/** Days that deviate from the default Monday–Friday week, keyed by YYYY-MM-DD (Asia/Shanghai). */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  /** 调休: weekend days that are working days */
  workdays: ReadonlySet<string>;
}

/** Plain Monday–Friday week, for offices that have not loaded a year's calendar yet. */
export const DEFAULT_WORK_CALENDAR: WorkCalendar = { holidays: new Set(), workdays: new Set() };

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
}

/**
 * Builds a calendar from the stored rows. A date listed both as holiday and as workday is
 * contradictory data and is rejected rather than resolved silently. A holiday may fall on a
 * weekend (statutory days often do); a 'workday' on Monday–Friday simply changes nothing.
 */
export function buildCalendar(days: readonly CalendarDay[]): WorkCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const { date, kind } of days) {
    assertOfficeDate(date);
    (kind === 'holiday' ? holidays : workdays).add(date);
  }
  for (const date of holidays) {
    if (workdays.has(date)) {
      throw new DeadlineError('calendar.invalid_day', { date, reason: 'holiday_and_workday' });
    }
  }
  return { holidays, workdays };
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  assertOfficeDate(date);
  return workingDay(date, cal);
}

/** Holidays win over 调休 workdays, then the Monday–Friday default applies. */
function workingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.holidays.has(date)) return false;
  if (cal.workdays.has(date)) return true;
  const weekday = officeWeekday(date);
  return weekday !== 0 && weekday !== 6;
}

/** The n-th working day after `day` (the day itself is not counted); n = 0 returns `day`. */
export function nthWorkingDayAfter(day: string, n: number, cal: WorkCalendar): string {
  let current = day;
  for (let counted = 0; counted < n; ) {
    current = addOfficeDays(current, 1);
    if (workingDay(current, cal)) counted += 1;
  }
  return current;
}

/** `day` itself if it is a working day, else the next working day (法定休假日顺延). */
export function rollToWorkingDay(day: string, cal: WorkCalendar): string {
  let current = day;
  while (!workingDay(current, cal)) current = addOfficeDays(current, 1);
  return current;
}

/** Working days among the dates `from`…`to`, both included; 0 when `to` is before `from`. */
export function countWorkingDays(from: string, to: string, cal: WorkCalendar): number {
  let count = 0;
  for (let day = from; day <= to; day = addOfficeDays(day, 1)) {
    if (workingDay(day, cal)) count += 1;
  }
  return count;
}

/**
 * Whole working days elapsed between two instants, counted as the law counts a period: the day of
 * `a` is never counted (期间开始的日不计算在内, even when `a` is exactly midnight), and a day counts
 * only once it has ended at or before `b`. Hence workingDaysBetween(start, computeDueAt(start, N))
 * is N for a working-day rule.
 */
export function workingDaysBetween(a: Date, b: Date, cal: WorkCalendar): number {
  return countWorkingDays(addOfficeDays(officeDate(a), 1), addOfficeDays(officeDate(b), -1), cal);
}
