import type { DeadlineUnit } from '@tianlang/contracts';
import {
  HOUR_MS,
  addOfficeDays,
  countOfficeDays,
  endOfOfficeDay,
  officeDate,
  startOfOfficeDay,
} from './office-time';
import {
  type WorkCalendar,
  countWorkingDays,
  nthWorkingDayAfter,
  rollToWorkingDay,
} from './work-calendar';

/**
 * Moves `from` later by `amount` in `unit`. For day units the result is always the local midnight
 * that ends the period's last day. The office day of `from` is not counted (期间开始的日不计算在内,
 * even when `from` is exactly midnight), then
 * - working_days: the amount-th working day after it is the last day;
 * - calendar_days: the amount-th day after it, moved to the next working day when it is a holiday
 *   or weekend (法定休假日顺延).
 */
export function addPeriod(from: Date, amount: number, unit: DeadlineUnit, cal: WorkCalendar): Date {
  if (unit === 'hours') return new Date(from.getTime() + Math.round(amount * HOUR_MS));
  const anchor = officeDate(from);
  const lastDay =
    unit === 'working_days'
      ? nthWorkingDayAfter(anchor, amount, cal)
      : rollToWorkingDay(addOfficeDays(anchor, amount), cal);
  return endOfOfficeDay(lastDay);
}

/** Moves an existing due moment later by `amount`, counted from the due moment itself. */
export function extendDue(
  dueAt: Date,
  amount: number,
  unit: DeadlineUnit,
  cal: WorkCalendar,
): Date {
  const from = unit === 'hours' ? dueAt : startOfOfficeDay(lastDayOf(dueAt));
  return addPeriod(from, amount, unit, cal);
}

/** The last day of a day-unit period, whose due moment is the local midnight ending it. */
function lastDayOf(dueAt: Date): string {
  return addOfficeDays(officeDate(dueAt), -1);
}

/**
 * Pause rule, for day units: a day is used up when it ends (local midnight) while the clock runs,
 * the start day excepted (期间开始的日不计算在内). So on resume the due moment moves later by the
 * number of working days (every day, for calendar_days) that ended during the pause: those from
 * the pause day through the day before the resume day, never the start day; 顺延 then applies
 * again for calendar_days. A pause within one day moves nothing; Tue 15:00 → Thu 10:00 gives back
 * Tue and Wed. A deadline still open at the pause is never due before the end of the resume day:
 * for amount ≥ 1 this follows from the rule (its last day had not ended), for amount 0 (the rest
 * of the start day) it says that rest continues as the rest of the resume day.
 * For hours: the due moment moves by the exact paused duration.
 */
export function shiftForPause(
  dueAt: Date,
  pause: { start: Date; pausedAt: Date; resumedAt: Date },
  unit: DeadlineUnit,
  cal: WorkCalendar,
): Date {
  const { start, pausedAt, resumedAt } = pause;
  if (unit === 'hours') return new Date(dueAt.getTime() + resumedAt.getTime() - pausedAt.getTime());
  const firstCountable = addOfficeDays(officeDate(start), 1);
  const pauseDay = officeDate(pausedAt);
  const from = pauseDay > firstCountable ? pauseDay : firstCountable;
  const to = addOfficeDays(officeDate(resumedAt), -1);
  const ended =
    unit === 'working_days' ? countWorkingDays(from, to, cal) : countOfficeDays(from, to);
  const shifted = extendDue(dueAt, ended, unit, cal);
  const openAtPause = pausedAt < dueAt;
  return openAtPause && shifted <= resumedAt ? endOfOfficeDay(officeDate(resumedAt)) : shifted;
}

/**
 * At-risk rule: atRiskAt = dueAt − share × (dueAt − start). For working-day periods that end on a
 * later day than the start day, the whole last working day is at risk as well: atRiskAt is never
 * later than the local midnight that begins that day.
 */
export function atRiskMoment(start: Date, dueAt: Date, unit: DeadlineUnit, share: number): Date {
  const byShare = dueAt.getTime() - Math.round(share * (dueAt.getTime() - start.getTime()));
  if (unit !== 'working_days') return new Date(byShare);
  const lastDay = lastDayOf(dueAt);
  if (lastDay <= officeDate(start)) return new Date(byShare);
  return new Date(Math.min(byShare, startOfOfficeDay(lastDay).getTime()));
}
