import type { DeadlineUnit, DeadlineStatus, DeadlineState } from '@tianlang/contracts';
import { DeadlineError } from './deadline-error';
import { addPeriod, atRiskMoment, extendDue, shiftForPause } from './deadline-periods';
import { assertInstant } from './office-time';
import type { WorkCalendar } from './work-calendar';

export { DeadlineError, type DeadlineErrorCode } from './deadline-error';
export { OFFICE_UTC_OFFSET_MS, endOfOfficeDay, officeDate, officeMinute, startOfOfficeDay } from './office-time';
export {
  DEFAULT_WORK_CALENDAR,
  buildCalendar,
  isWorkingDay,
  workingDaysBetween,
  type CalendarDay,
  type WorkCalendar,
} from './work-calendar';

const DEFAULT_AT_RISK_SHARE = 0.2;

export interface DeadlineRule {
  amount: number;
  unit: DeadlineUnit;
  /** share of the allowed time left at which the deadline turns at risk (default 0.2) */
  atRiskShare?: number;
}

export interface DeadlineHistoryEntry {
  type: 'pause' | 'resume' | 'extend' | 'met' | 'cancel';
  at: Date;
  /** for extend: how much more, in the rule's unit */
  amount?: number;
}

export interface DeadlineSnapshot {
  state: DeadlineState;
  dueAt: Date;
  atRiskAt: Date;
  status: DeadlineStatus;
}

/**
 * When a deadline falls due; the instant is exclusive (met before it = on time).
 * - hours: start + amount hours, no calendar.
 * - working_days: end (next local midnight) of the amount-th working day after the start day;
 *   the start day is not counted; amount 0 = end of the start day.
 * - calendar_days: end of the amount-th day after the start day, or of the next working day when
 *   that day is a holiday or weekend (法定休假日顺延).
 */
export function computeDueAt(start: Date, rule: DeadlineRule, cal: WorkCalendar): Date {
  assertRule(rule);
  assertInstant(start, 'start');
  return addPeriod(start, rule.amount, rule.unit, cal);
}

/**
 * Replays the history (chronological, none before `start`) as of `now`; entries after `now` are
 * not in effect yet, so the same history answers "what was the status at month end".
 * - pause/resume: see shiftForPause; while paused, dueAt is the one that stood at the pause and
 *   status is judged as of the pause moment.
 * - extend: `amount` more in the rule's unit, counted from the current due moment.
 * - met/cancel end the clock; status is frozen at that moment (at the pause moment if the clock
 *   was paused) and is then only on_time or overdue: at_risk warns about open work.
 * atRiskAt: see atRiskMoment, with the span from `start` to the current dueAt.
 * Throws DeadlineError `deadline.invalid_transition` on an impossible history.
 */
export function evaluateDeadline(
  start: Date,
  rule: DeadlineRule,
  history: readonly DeadlineHistoryEntry[],
  now: Date,
  cal: WorkCalendar,
): DeadlineSnapshot {
  assertInstant(now, 'now');
  const clock = replay({ start, rule, cal }, history, now);
  const share = rule.atRiskShare ?? DEFAULT_AT_RISK_SHARE;
  const atRiskAt = atRiskMoment(start, clock.dueAt, rule.unit, share);
  const status = statusOf(clock, atRiskAt, now);
  return { state: clock.state, dueAt: clock.dueAt, atRiskAt, status };
}

interface Clock {
  state: DeadlineState;
  dueAt: Date;
  pausedAt: Date | null;
  /** when met or cancel stopped the clock for good */
  endedAt: Date | null;
}

interface ReplayContext {
  start: Date;
  rule: DeadlineRule;
  cal: WorkCalendar;
}

function replay(ctx: ReplayContext, history: readonly DeadlineHistoryEntry[], now: Date): Clock {
  const dueAt = computeDueAt(ctx.start, ctx.rule, ctx.cal);
  let clock: Clock = { state: 'running', dueAt, pausedAt: null, endedAt: null };
  let previous = ctx.start;
  for (const entry of history) {
    assertInstant(entry.at, 'history.at');
    if (entry.at < previous) throw invalidTransition(clock, entry, 'out_of_order');
    previous = entry.at;
    if (entry.at > now) break;
    clock = applyEntry(ctx, clock, entry);
  }
  return clock;
}

function applyEntry(ctx: ReplayContext, clock: Clock, entry: DeadlineHistoryEntry): Clock {
  const { start, rule, cal } = ctx;
  if (clock.endedAt) throw invalidTransition(clock, entry, 'ended');
  switch (entry.type) {
    case 'pause':
      if (clock.pausedAt) throw invalidTransition(clock, entry, 'already_paused');
      return { ...clock, state: 'paused', pausedAt: entry.at };
    case 'resume': {
      if (!clock.pausedAt) throw invalidTransition(clock, entry, 'not_paused');
      const pause = { start, pausedAt: clock.pausedAt, resumedAt: entry.at };
      const dueAt = shiftForPause(clock.dueAt, pause, rule.unit, cal);
      return { ...clock, state: 'running', pausedAt: null, dueAt };
    }
    case 'extend': {
      const amount = extensionAmount(clock, entry, rule.unit);
      return { ...clock, dueAt: extendDue(clock.dueAt, amount, rule.unit, cal) };
    }
    case 'met':
      return { ...clock, state: 'met', endedAt: entry.at };
    case 'cancel':
      return { ...clock, state: 'cancelled', endedAt: entry.at };
  }
  throw invalidTransition(clock, entry, 'unknown_type');
}

/** An approved extension is a positive amount, whole days for day units. */
function extensionAmount(clock: Clock, entry: DeadlineHistoryEntry, unit: DeadlineUnit): number {
  const { amount } = entry;
  if (amount === undefined || !(amount > 0) || !isAmountOf(unit, amount)) {
    throw invalidTransition(clock, entry, 'invalid_amount');
  }
  return amount;
}

function statusOf(clock: Clock, atRiskAt: Date, now: Date): DeadlineStatus {
  const asOf = clock.pausedAt ?? clock.endedAt ?? now;
  if (asOf >= clock.dueAt) return 'overdue';
  if (clock.endedAt) return 'on_time';
  return asOf >= atRiskAt ? 'at_risk' : 'on_time';
}

function invalidTransition(
  clock: Clock,
  entry: DeadlineHistoryEntry,
  reason: string,
): DeadlineError {
  const details = { from: clock.state, type: entry.type, at: entry.at, reason };
  return new DeadlineError('deadline.invalid_transition', details);
}

/** Day units count whole days; hours may be fractional. */
function isAmountOf(unit: DeadlineUnit, amount: number): boolean {
  return Number.isFinite(amount) && amount >= 0 && (unit === 'hours' || Number.isInteger(amount));
}

function assertRule(rule: DeadlineRule): void {
  const { amount, unit, atRiskShare } = rule;
  const unitOk = unit === 'hours' || unit === 'working_days' || unit === 'calendar_days';
  const shareOk = atRiskShare === undefined || (atRiskShare >= 0 && atRiskShare <= 1);
  if (!unitOk || !isAmountOf(unit, amount) || !shareOk) {
    throw new DeadlineError('request.invalid', { rule });
  }
}
